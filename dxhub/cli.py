"""The `dxhub` console script: Django's management commands under the project's own name.

`dxhub import companies FILE` runs `manage.py import companies FILE`, `dxhub openapi` prints the API
schema, and any other word is handed to Django unchanged (`dxhub migrate`, `dxhub demo --seed 2026`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

USAGE = """\
dxhub: 디지털 혁신거점 수요·공급 매칭 플랫폼 / matching SW·AI suppliers with manufacturers

사용법 / usage: dxhub COMMAND [ARGS...]

주요 명령 / main commands:
  import companies FILE [--dry-run]  기업 명단 가져오기 (.xlsx, .csv) / import a list of companies
  demo [...]                         데모 데이터 만들기 / create demo data
  openapi                            REST API 스키마를 JSON으로 출력 / print the OpenAPI schema as JSON
  matching rebuild                   매칭 색인 다시 만들기 / rebuild the match index
  bench quality|korsts|speed         매칭 품질·속도 측정 / matching quality and speed figures
  bench select|schedule              선정 최적화·상담회 일정 측정 / selection and scheduling figures
  migrate, runserver, ...            그 밖의 Django 관리 명령 / any other Django management command

  dxhub help             모든 명령 / every command
  dxhub help COMMAND     명령별 도움말 / help on one command
"""


def main(argv: Sequence[str] | None = None) -> int:
    """Runs one command; `argv` defaults to the process's arguments (without the program name)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help"):
        sys.stdout.write(USAGE)
        return 0
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dxhub.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["dxhub", *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
