"""`python -m geomap` is the same as the `geomap` command."""

from geomap.cli import main

raise SystemExit(main())
