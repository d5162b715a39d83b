from django.core.management import call_command
from django.core.management.base import BaseCommand

from bench import dataset


class Command(BaseCommand):
    help = (
        "Loads the benchmark's data set (razon/dataset.py) on top of the demo content: at "
        "--scale 1, 1,000 partnerships, 300 onderwijsregio's, 500 RAP projects, 500 events "
        "with 20,000 registrations and 2,000 posts. Does nothing when the same scale is "
        "already loaded (use --force to reload). For benchmark databases only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0)
        parser.add_argument("--force", action="store_true")

    def handle(self, *args, scale, force, **options):
        if not force and dataset.loaded_scale_matches(scale):
            self.stdout.write(f"Benchmark data of scale {scale} already loaded.")
            return
        call_command("load_demo", verbosity=0, stdout=self.stdout)
        loaded = dataset.load(scale)
        self.stdout.write(f"Benchmark data of scale {scale} loaded: {loaded}")
