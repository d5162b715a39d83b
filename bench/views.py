from django.shortcuts import render


def baseline(request):
    """The benchmark's yardstick: a bare Django view rendering a small template, served by
    the same process and middleware as the pages."""
    return render(request, "bench/baseline.html", {"title": "Baseline"})
