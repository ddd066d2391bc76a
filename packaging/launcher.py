"""Entry script for the frozen application (PyInstaller needs a file, not a console script).

It does exactly what ``python -m nam_desktop`` does: the composition root in
``nam_desktop.app`` decides between the command line and the desktop app.
"""

from nam_desktop.app import main

raise SystemExit(main())
