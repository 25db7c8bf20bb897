"""Draws the installed app's icons (our own design: the brand's zebra-striped disc, the NET awareness symbol, on
the brand colour) into static/webapp/icons/. Run once after changing the design; the PNGs are committed."""

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
from django.core.management.base import BaseCommand  # noqa: E402 - after choosing the headless backend
from matplotlib import pyplot as plt  # noqa: E402
from matplotlib.patches import Circle, FancyBboxPatch, Rectangle  # noqa: E402

BRAND = "#0b5d6b"  # site.css --brand, also the manifest's theme colour
WHITE = "#ffffff"
ICONS = Path(__file__).resolve().parents[2] / "static" / "webapp" / "icons"
# name: (pixels, maskable). A maskable icon fills its square and keeps the drawing inside the middle 80 %,
# which every launcher's mask leaves visible.
SIZES = {"icon-192.png": (192, False), "icon-512.png": (512, False), "maskable-512.png": (512, True),
         "apple-touch-icon.png": (180, True)}


def draw(path: Path, pixels: int, maskable: bool) -> None:
    fig = plt.figure(figsize=(1, 1), dpi=pixels)  # one inch at `pixels` dpi: 1 unit = the icon, 72 pt
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.axis("off")
    if maskable:
        ax.add_patch(Rectangle((0, 0), 1, 1, color=BRAND))
        radius = 0.27
    else:
        ax.add_patch(FancyBboxPatch((0.04, 0.04), 0.92, 0.92, boxstyle="round,pad=0,rounding_size=0.18",
                                    color=BRAND))
        radius = 0.33
    disc = Circle((0.5, 0.5), radius, color=BRAND)
    ax.add_patch(disc)
    step = radius / 2.6
    for i in range(-8, 9):
        stripe = Rectangle((0.5 + i * step - step * 0.18, -0.5), step * 0.36, 2, angle=-45, rotation_point="center",
                           color=WHITE)
        ax.add_patch(stripe)
        stripe.set_clip_path(disc)
    ax.add_patch(Circle((0.5, 0.5), radius, fill=False, edgecolor=WHITE, linewidth=72 * 0.04))
    fig.savefig(path, dpi=pixels, transparent=not maskable)
    plt.close(fig)


class Command(BaseCommand):
    help = "Draws the installed app's icons into netcompanion/webapp/static/webapp/icons/."

    def add_arguments(self, parser):
        parser.add_argument("--into", type=Path, default=ICONS, help="The folder to draw them in.")

    def handle(self, *args, into: Path, **options):
        into.mkdir(parents=True, exist_ok=True)
        for name, (pixels, maskable) in SIZES.items():
            draw(into / name, pixels, maskable)
            self.stdout.write(f"{into / name}")
