"""The benchmark (`make bench`), kept out of the product: a Django app that only
`bench.settings` installs. `run.py` drives it; `pages.py` lists the pages it measures,
`dataset.py` generates the data (`manage.py load_bench_data`), `views.py` is the baseline and
`middleware.py` counts each response's SQL queries."""
