"""Entry script for the frozen application (PyInstaller needs a file, not a console script).

It does exactly what ``python -m nam_desktop`` does: the composition root in
``nam_desktop.app`` decides between the command line and the desktop app. A worker
process of batch cleaning (``spawn`` start method) re-runs this executable:
``freeze_support()`` makes it run its task and exit instead of starting the app.
"""

import multiprocessing

from nam_desktop.app import main

multiprocessing.freeze_support()
raise SystemExit(main())
