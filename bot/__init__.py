"""bot: the shell around the ``briefings`` core — configuration, the CLI, the scheduler and
the Slack and Matrix adapters. Everything that talks to the outside world lives here."""
