"""Reading the YAML lists the project ships as data (the glossary's terms, the medical words), one file per
language."""

import yaml
from django.conf import settings
from django.core.management.base import CommandError


def bundled_files(folder, name):
    """The lists the project ships in `folder`, as (file, language): `folder`/`name` in the default language
    and `folder`/<language>/`name` for each other language of settings.LANGUAGES that has one."""
    files = [(folder / name, settings.LANGUAGE_CODE)]
    for code, _language in settings.LANGUAGES:
        path = folder / code / name
        if code != settings.LANGUAGE_CODE and path.exists():
            files.append((path, code))
    return files


def add_language_argument(parser, what):
    """A command's --language option: the language of the `what` ("terms") in the file it is given."""
    parser.add_argument(
        "--language",
        choices=[code for code, _language in settings.LANGUAGES],
        default=settings.LANGUAGE_CODE,
        help=f"the language of the file's {what} (default: %(default)s); the bundled files say their own",
    )


def read_yaml_list(path, expected):
    """The list of mappings in the YAML file at `path`, or a CommandError naming the problem; `expected`
    says what each entry must hold ("terms, each with term, anchor and definition")."""
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CommandError(f"{path} does not exist") from None
    except (UnicodeDecodeError, yaml.YAMLError) as error:
        raise CommandError(f"{path.name} is not a readable YAML file: {error}") from None
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise CommandError(f"{path.name} must be a list of {expected}")
    return entries
