import sys

from netcompanion.cli import main

main(["netcompanion", *sys.argv[1:]])
