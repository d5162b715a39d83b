from django.db import connection

QUERY_COUNT_HEADER = "X-Bench-Queries"


class QueryCountMiddleware:
    """Adds the number of SQL queries a response ran as a header, for the benchmark's report."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            response = self.get_response(request)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        response[QUERY_COUNT_HEADER] = str(count)
        return response
