from nam_desktop.app import main

raise SystemExit(main())
