"""The product's URLs plus the benchmark's baseline view."""

from django.urls import path

from bench import views
from razon.urls import urlpatterns as product_urlpatterns

urlpatterns = [
    *product_urlpatterns,
    path("bench/baseline/", views.baseline, name="bench_baseline"),
]
