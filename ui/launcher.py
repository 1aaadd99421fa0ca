"""The ``ocop-pos`` script: with no command it opens the app window, loading Qt only then;
with one, the command line runs without Qt (pos.cli)."""

import sys

from pos import cli


def main(argv: list[str] | None = None) -> int:
    args = cli.build_parser().parse_args(argv)
    if args.command is not None:
        return cli.run_command(args)
    path, checking = cli.app_start(args)  # the quick check runs while Qt loads
    from ui.app import run_app

    return run_app(path, checking)


if __name__ == "__main__":
    sys.exit(main())
