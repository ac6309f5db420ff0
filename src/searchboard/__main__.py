from searchboard.launcher import run

run()
