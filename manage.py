#!/usr/bin/env python
from netcompanion.cli import main

if __name__ == "__main__":
    main()
