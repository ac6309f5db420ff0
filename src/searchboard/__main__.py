from searchboard.cli.main import main

raise SystemExit(main())
