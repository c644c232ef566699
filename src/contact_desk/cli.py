"""The command line: `contact-desk` opens the desk; sub-commands script the same services."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import mimetypes
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, NoReturn

import contact_desk
from contact_desk.domain.actor import Actor
from contact_desk.domain.consent import (
    CHOSEN_HOWS,
    MAX_EVIDENCE_FILE,
    ConsentHow,
    ConsentState,
    Purpose,
)
from contact_desk.domain.enums import Channel, LabelledEnum, Permission
from contact_desk.domain.errors import DomainError, NotAllowed
from contact_desk.domain.household import Relation
from contact_desk.domain.recipients import MessageType
from contact_desk.log_file import start_logging, where_details_are
from contact_desk.os_login import os_login
from contact_desk.services import contact_info, contact_points, customers, merge, sign_in, users
from contact_desk.services.duplicate_scan import duplicate_queue, scan_for_duplicates
from contact_desk.services.files import check_output, read_input
from contact_desk.services.forms import ConsentForm, EvidenceFile
from contact_desk.services.history import HistoryGroup, customer_history
from contact_desk.services.households import (
    customer_ids,
    customer_links,
    link_customers,
    unlink,
)
from contact_desk.services.reach import CustomerReach, customer_reach
from contact_desk.services.recipients import RecipientList, recipients_for
from contact_desk.services.suppressions import (
    SuppressionForm,
    customer_and_vehicle,
    lift_suppression,
    suppress,
)
from contact_desk.services.views import CustomerView
from contact_desk.store.database import ENV_DATABASE, Database, open_database
from contact_desk.sync.encodings import escaped
from contact_desk.sync.report import BadRow, skipped_count, write_bad_rows

log = logging.getLogger(__name__)

EXIT_USAGE = 2
PROGRESS_WIDTH = 30
SKIPPED_SHOWN = 10
DEMO_CUSTOMERS_AT_MOST = 1_000_000


class _ShowVersion(argparse.Action):
    """argparse's own version action needs the version when the parser is built; reading it
    costs start-up time, so it is read only when asked for."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"contact-desk {contact_desk.__version__}")
        parser.exit()


class _Parser(argparse.ArgumentParser):
    """argparse prints its usage, then the mistake; a clerk gets the mistake alone, in one
    line. Sub-commands' parsers are of this class too (add_subparsers makes its own kind)."""

    def error(self, message: str) -> NoReturn:
        said = " ".join(message.split())
        self.exit(EXIT_USAGE, f"contact-desk: error: {said} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="contact-desk",
        description="Every way to reach a customer, where each came from, and which one we use.",
    )
    parser.add_argument("--version", action=_ShowVersion, nargs=0,
                        help="show the version and exit")
    parser.add_argument(
        "--database",
        metavar="PATH|URL",
        help=f"the SQLite file (a path, or sqlite:///PATH) or a postgresql:// server URL "
             f"(default: ${ENV_DATABASE}, else the desk's own file); only init and demo "
             "create a new one",
    )
    parser.add_argument(
        "--user",
        metavar="LOGIN",
        help=f"the desk user acting (default: ${sign_in.ENV_USER}, else the user this computer "
             "login is mapped to); a user who may do more than a clerk gives their PIN "
             "unless the login is theirs",
    )
    parser.add_argument(
        "--quit-after-show", action="store_true",
        help="open the window, then quit at once (to measure start-up)",
    )
    parser.add_argument(
        "--smoke", action="store_true",
        help="check this installation: demo data in a temporary database, the window offscreen, "
             "a search and a customer; exit 0 when all works",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    init = commands.add_parser(
        "init", help="create a new, empty database at --database (its folder must exist)")
    init.set_defaults(run=_init, create=True, acts=False)

    demo = commands.add_parser(
        "demo", help="fill an empty database with demo customers (created if need be)")
    demo.add_argument("--customers", type=_demo_count, default=200, metavar="N")
    demo.add_argument(
        "--if-empty", action="store_true",
        help="leave a database that has customers as it is instead of refusing",
    )
    demo.set_defaults(run=_demo, create=True, check=True)

    show = commands.add_parser("show", help="print one customer")
    show.add_argument("customer", metavar="CUSTOMER", help="DMS customer number or internal id")
    show.add_argument("--json", action="store_true", help="print JSON for scripts")
    show.set_defaults(run=_show)

    history = commands.add_parser("history", help="every change of one customer, newest first")
    history.add_argument("customer", metavar="CUSTOMER", help="DMS customer number or internal id")
    history.add_argument("--json", action="store_true", help="print JSON for scripts")
    history.add_argument(
        "--only", type=_history_groups, metavar="GROUP[,GROUP...]",
        help="only these: " + ", ".join(group.cli_name for group in HistoryGroup))
    history.set_defaults(run=_history)

    primary = commands.add_parser("set-primary", help="make a phone or email the primary")
    primary.add_argument("customer", metavar="CUSTOMER")
    primary.add_argument("value", metavar="VALUE", help="a phone in any format, or an email")
    primary.set_defaults(run=_set_primary)

    consent = commands.add_parser(
        "consent", help="record what a customer said about calls, texts or emails to a value")
    consent.add_argument("customer", metavar="CUSTOMER")
    consent.add_argument("value", metavar="VALUE", help="a phone in any format, or an email")
    _choice(consent, "--channel", Channel, "call, text (phones) or email (emails)")
    consent.add_argument("--purpose", required=True, choices=[*PURPOSES],
                         help="one of: %(choices)s (both: transactional and marketing)")
    _choice(consent, "--state", ConsentState, "what the customer said")
    consent.add_argument("--how", required=True, choices=[h.cli_name for h in CHOSEN_HOWS],
                         help="how they said it: %(choices)s")
    consent.add_argument("--evidence", type=Path, metavar="FILE",
                         help="a file that proves it (a scanned signed form), at most 10 MB")
    consent.add_argument("--note", default="", metavar="TEXT", help="what was said, in words")
    consent.add_argument("--json", action="store_true")
    consent.set_defaults(run=_consent)

    search = commands.add_parser("search", help="find customers as the search box does")
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--json", action="store_true")
    search.add_argument("--limit", type=_positive, default=50, metavar="N")
    search.set_defaults(run=_search)

    recipients = commands.add_parser("recipients", help="who would receive a message, and why")
    recipients.add_argument("customer", metavar="CUSTOMER")
    recipients.add_argument(
        "--message", required=True, metavar="TYPE",
        choices=[message.cli_name for message in MessageType],
        help="one of: %(choices)s",
    )
    recipients.add_argument("--at", type=_moment, metavar="TIME",
                            help="when it would go out (ISO 8601 with its UTC offset; "
                                 "default: now)")
    recipients.add_argument("--vin", metavar="VIN", help="the vehicle the message is about")
    recipients.add_argument("--json", action="store_true")
    recipients.set_defaults(run=_recipients)

    duplicates = commands.add_parser(
        "duplicates", help="scan for customers who may be one person; list the open pairs")
    duplicates.add_argument("--no-scan", action="store_true",
                            help="list the pairs found before, without scanning again")
    duplicates.add_argument("--json", action="store_true")
    duplicates.set_defaults(run=_duplicates)

    merging = commands.add_parser(
        "merge", help="merge OTHER into KEEP: one customer keeping every value and record "
                      "(each field's DMS value where one of them is from the DMS)")
    merging.add_argument("keep", metavar="KEEP", help="the customer who stays: DMS customer "
                                                    "number or #id")
    merging.add_argument("other", metavar="OTHER", help="the customer merged into KEEP")
    merging.add_argument("--json", action="store_true", help="print JSON for scripts")
    merging.set_defaults(run=_merge)

    unmerging = commands.add_parser(
        "unmerge", help="undo a merge while neither customer has changed since: both as "
                        "they were")
    unmerging.add_argument("customer", metavar="CUSTOMER",
                         help="the customer merged away (its DMS number or #id), or the "
                              "survivor, whose newest merge is undone")
    unmerging.add_argument("--json", action="store_true", help="print JSON for scripts")
    unmerging.set_defaults(run=_unmerge)

    suppress = commands.add_parser(
        "suppress", help="stop a message type going to a customer (optionally about one car)")
    suppress.add_argument("customer", metavar="CUSTOMER")
    suppress.add_argument("--message", required=True, metavar="TYPE",
                          choices=[message.cli_name for message in MessageType],
                          help="one of: %(choices)s")
    suppress.add_argument("--reason", required=True, metavar="TEXT",
                          help="why (the customer asked, the car was sold...)")
    suppress.add_argument("--vin", metavar="VIN", help="only messages about this vehicle")
    suppress.add_argument("--until", type=_day, metavar="YYYY-MM-DD",
                          help="the last day it holds (default: until lifted)")
    suppress.add_argument("--json", action="store_true")
    suppress.set_defaults(run=_suppress)

    link = commands.add_parser(
        "link", help="link two customers: OTHER is CUSTOMER's spouse, co-buyer, parent...")
    link.add_argument("customer", metavar="CUSTOMER")
    link.add_argument("other", metavar="OTHER")
    link.add_argument("--as", dest="relation", required=True, metavar="RELATION",
                      choices=[relation.cli_name for relation in Relation],
                      help="what OTHER is to CUSTOMER, one of: %(choices)s")
    link.add_argument("--contracts", action="store_true",
                      help="a co-buyer who is sent CUSTOMER's contracts too")
    link.add_argument("--json", action="store_true")
    link.set_defaults(run=_link)
    unlink_ = commands.add_parser("unlink", help="the two customers are linked no more")
    unlink_.add_argument("customer", metavar="CUSTOMER")
    unlink_.add_argument("other", metavar="OTHER")
    unlink_.set_defaults(run=_unlink)
    links = commands.add_parser("links", help="the customers linked to one customer")
    links.add_argument("customer", metavar="CUSTOMER")
    links.add_argument("--json", action="store_true")
    links.set_defaults(run=_links)

    lift = commands.add_parser("unsuppress", help="lift a suppression: the message goes again")
    lift.add_argument("suppression", metavar="ID", type=_positive,
                      help="the number `suppress` or `show` gave")
    lift.set_defaults(run=_unsuppress)

    reach = commands.add_parser(
        "reach", help="may each phone and email be called, texted or emailed now, and why")
    reach.add_argument("customer", metavar="CUSTOMER", help="DMS customer number or internal id")
    reach.add_argument(
        "--at", type=_moment, metavar="TIME",
        help="ISO-8601 with its UTC offset, e.g. 2026-03-01T21:40:00-06:00 (default: now)")
    reach.add_argument("--json", action="store_true", help="print JSON for scripts")
    reach.set_defaults(run=_reach)
    _add_file_commands(commands)
    _add_user_commands(commands)
    return parser


def _add_file_commands(commands: argparse._SubParsersAction) -> None:
    """sync dms, import adf / vcard / replies, export vcard: files in and out of the desk."""
    sync = commands.add_parser("sync", help="bring the desk up to date from another system")
    dms = sync.add_subparsers(dest="what", metavar="SOURCE", required=True).add_parser(
        "dms", help="one-way sync from a DMS customer export (CSV)")
    dms.add_argument("file", metavar="FILE", type=Path)
    dms.add_argument("--mapping", metavar="MAPPING.toml", type=Path,
                     help="column names, phone region, delimiter and date format of the export")
    dms.add_argument("--dry-run", action="store_true", help="count what would change; keep nothing")
    dms.add_argument("--report", metavar="BAD_ROWS.csv", type=Path,
                     help="write every skipped row (line, customer number, reason) to this CSV")
    dms.add_argument("--delimiter", metavar="CHAR", help="the column separator (default ,); 'tab' for tabs")
    dms.set_defaults(run=_sync_dms, check=True)

    imports = commands.add_parser("import", help="import a lead or an address book")
    kinds = imports.add_subparsers(dest="what", metavar="KIND", required=True)
    adf = kinds.add_parser("adf", help="an ADF XML lead: a customer and an open deal")
    adf.add_argument("file", metavar="FILE.xml", type=Path)
    adf.set_defaults(run=_import_adf, check=True)
    vcard = kinds.add_parser("vcard", help="vCards (2.1, 3.0, 4.0) from an address book")
    vcard.add_argument("file", metavar="FILE.vcf", type=Path)
    vcard.set_defaults(run=_import_vcard, check=True)
    replies = kinds.add_parser(
        "replies", help="replies to the dealership's texts (CSV of from, text, received_at): "
                        "STOP opts the number out of texts, START back in to transactional ones")
    replies.add_argument("file", metavar="FILE.csv", type=Path)
    replies.add_argument("--mapping", metavar="MAPPING.toml", type=Path,
                         help="column names, phone region and delimiter of the export")
    replies.add_argument("--json", action="store_true", help="print JSON for scripts")
    replies.set_defaults(run=_import_replies, check=True)

    exports = commands.add_parser("export", help="export customers for an address book")
    export_vcard = exports.add_subparsers(dest="what", metavar="KIND", required=True).add_parser(
        "vcard", help="customers as vCard 4.0, for Outlook, Apple and Google")
    export_vcard.add_argument("file", metavar="FILE.vcf", type=Path)
    export_vcard.add_argument("--customer", metavar="ID", action="append",
                              help="only this customer (number or id); give it again for more")
    export_vcard.set_defaults(run=_export_vcard)


def _add_user_commands(commands: argparse._SubParsersAction) -> None:
    """users list / add / set-pin / deactivate: for a user who may manage users."""
    people = commands.add_parser("users", help="who may use the desk, and what they may do")
    what = people.add_subparsers(dest="what", metavar="ACTION", required=True)
    listing = what.add_parser("list", help="every active user, their permissions and PIN")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=_users_list)
    add = what.add_parser("add", help="add a desk user")
    add.add_argument("login", metavar="LOGIN")
    add.add_argument("name", metavar="NAME", help="the name the desk shows (quote it)")
    add.add_argument("--permission", action="append", default=[], metavar="PERMISSION",
                     choices=[permission.cli_name for permission in Permission],
                     help="give it again for more; one of: %(choices)s (none: may only look)")
    add.add_argument("--os-login", metavar="OS_LOGIN",
                     help="the computer login that acts as this user without a PIN")
    add.set_defaults(run=_users_add)
    set_pin = what.add_parser(
        "set-pin", help="set or reset a user's PIN (asked twice; one line of stdin when it "
                        "is not a terminal); lifts a lock")
    set_pin.add_argument("login", metavar="LOGIN")
    set_pin.set_defaults(run=_users_set_pin)
    deactivate = what.add_parser("deactivate", help="take a user off the desk")
    deactivate.add_argument("login", metavar="LOGIN")
    deactivate.set_defaults(run=_users_deactivate)


def _positive(text: str, most: int | None = None) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    if most is not None and number > most:
        raise argparse.ArgumentTypeError(f"must be at most {most:,}")
    return number


def _demo_count(text: str) -> int:
    # Demo data is one transaction: a count past the desk's target scale would never end.
    return _positive(text, most=DEMO_CUSTOMERS_AT_MOST)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else list(argv)
    for given in argv:
        if not _is_text(given):
            parser.error(f"{_shown_bytes(given)} is not text: it holds a NUL byte or bytes that "
                         "are not UTF-8 (give names and file names in UTF-8)")
    args = parser.parse_args(argv)
    start_logging()
    if args.smoke:
        from contact_desk.smoke import run_smoke

        return run_smoke()
    if args.command is None:
        from contact_desk.app import run_gui

        return run_gui(args.database, args.user, quit_after_show=args.quit_after_show)
    global _interrupted
    _interrupted = False
    database: Database | None = None
    before = None
    if threading.current_thread() is threading.main_thread():
        before = signal.signal(signal.SIGINT, _on_ctrl_c)
    try:
        database = open_database(args.database, create=getattr(args, "create", False),
                                 check=getattr(args, "check", False))
        actor = _actor(database, args) if getattr(args, "acts", True) else None
        return args.run(database, actor, args)
    except DomainError as error:
        print(f"contact-desk: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader (`| head`) has gone; what it wanted it has. Quiet the final flush.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("contact-desk: stopped; nothing half-written was kept.", file=sys.stderr)
        return 130
    except Exception:
        log.exception("contact-desk %s failed", args.command)
        print(f"contact-desk: an unexpected error stopped the command (not your mistake); "
              f"{where_details_are()}.", file=sys.stderr)
        return EXIT_USAGE
    finally:
        if database is not None:
            database.dispose()
        if before is not None:
            signal.signal(signal.SIGINT, before)


def _is_text(given: str) -> bool:
    """No NUL and no bytes that were not UTF-8 (Python keeps those as lone surrogates): the
    database, the log and the terminal cannot hold them."""
    try:
        given.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\0" not in given


def _shown_bytes(given: str) -> str:
    return repr(given.encode("utf-8", "surrogateescape"))[1:]


def _actor(database: Database, args: argparse.Namespace) -> Actor:
    """Who the command acts as: --user (even an empty one, refused), else $CONTACT_DESK_USER,
    else the desk user this computer login is mapped to."""
    return sign_in.act_as(database.unit_of_work(), sign_in.login_asked(args.user), os_login(),
                          _ask_pin)


def _ask_pin(name: str) -> str | None:
    """The PIN of ``name``: typed at a terminal (not shown), else the first line of stdin;
    None when there is nothing to read."""
    return _read_secret(f"PIN for {name}: ")


def _read_secret(prompt: str) -> str | None:
    stdin = sys.stdin
    try:
        if stdin is not None and stdin.isatty():
            return getpass.getpass(prompt)
        line = stdin.readline() if stdin is not None else ""
    except (EOFError, OSError):
        return None
    return line.rstrip("\r\n") or None


def _init(database: Database, _actor: None, args: argparse.Namespace) -> int:
    if database.created:
        print(f"Created a new Contact Desk database at {database.shown}.")
    elif database.upgraded_from:
        copy = f"; its data as it was before is in {database.backup_path}" \
            if database.backup_path else ""
        print(f"{database.shown} was updated for this version of Contact Desk{copy}.")
    else:
        print(f"{database.shown} is already a Contact Desk database; it was left as it is.")
    return 0


def _demo(database: Database, actor: Actor, args: argparse.Namespace) -> int:
    from contact_desk.services.demo import fill_demo_data

    if database.created:
        print(f"Created a new Contact Desk database at {database.shown}.")
    if args.if_empty and (existing := customers.customer_count(database)):
        print(f"{database.shown} already has {existing:,} customers; left as it is.")
        return 0
    summary = fill_demo_data(database, actor, customers=args.customers,
                             progress=_progress_printer())
    print(f"Filled {database.shown} with {summary.customers} demo customers.")
    print("Try: contact-desk show " + " / ".join(summary.example_numbers[:3]))
    return 0


def _progress_printer(unit: str = "customers") -> Callable[[int, int], None]:
    """Called between batches: a progress bar on stderr when it is a terminal (nothing when
    output goes to a file), and the place a Ctrl-C Python swallowed is honoured at last."""
    shown = sys.stderr.isatty()

    def show(done: int, total: int) -> None:
        if _interrupted:
            raise KeyboardInterrupt  # the batch being saved is rolled back
        if not shown:
            return
        filled = PROGRESS_WIDTH * done // total if total else PROGRESS_WIDTH
        bar = "#" * filled + "-" * (PROGRESS_WIDTH - filled)
        end = "\n" if done >= total else ""
        print(f"\r[{bar}] {done:,} of {total:,} {unit}", end=end, file=sys.stderr, flush=True)

    return show


# Set by Ctrl-C. Python raises KeyboardInterrupt wherever it is, and one raised inside a
# clean-up callback (SQLAlchemy's, the garbage collector's) is printed and dropped: the
# command would go on to the end as if nothing had been pressed.
_interrupted = False


def _on_ctrl_c(_signal: int, _frame: object) -> None:
    global _interrupted
    _interrupted = True
    raise KeyboardInterrupt


def _sync_dms(database: Database, actor: Actor, args: argparse.Namespace) -> int:
    from contact_desk.sync.dms import sync_dms

    # Checked before the sync starts: a report that cannot be written changes nothing.
    bad_rows_file = None
    if args.report is not None:
        bad_rows_file = check_output(database, args.report, [args.file, args.mapping])
    report = sync_dms(database, actor, args.file, mapping=args.mapping,
                      dry_run=args.dry_run, progress=_progress_printer("rows"),
                      delimiter=args.delimiter)
    print(report.summary())
    written = True
    if bad_rows_file is not None:
        try:
            write_bad_rows(bad_rows_file, report.bad_rows)
        except DomainError as error:
            # The sync is saved: the message must not read as if nothing had happened.
            print(f"contact-desk: the sync above is saved, but its report was not: {error}",
                  file=sys.stderr)
            written = False
    _warn_skipped(report.bad_rows, "rows", args.report if written else None)
    return 0 if written else 2


def _import_adf(database: Database, actor: Actor, args: argparse.Namespace) -> int:
    from contact_desk.sync.adf import import_adf

    report = import_adf(database, actor, args.file)
    print(report.summary())
    for line in report.details():
        print(f"  {line}")
    for skipped in report.skipped_values:
        print(f"contact-desk: left out of the lead: {skipped}", file=sys.stderr)
    return 0


def _import_vcard(database: Database, actor: Actor, args: argparse.Namespace) -> int:
    from contact_desk.sync.vcard import import_vcards

    report = import_vcards(database, actor, args.file,
                           progress=_progress_printer("cards"))
    print(report.summary())
    for line in report.details():  # which customer each card went to
        print(f"  {line}")
    _warn_skipped(report.bad_cards, "cards", None)
    return 0


def _import_replies(database: Database, actor: Actor, args: argparse.Namespace) -> int:
    from contact_desk.sync.replies import import_replies

    report = import_replies(database, actor, args.file, mapping=args.mapping,
                            progress=_progress_printer("rows"))
    if args.json:
        _print_json(report.as_dict())
        return 0
    print(report.summary())
    for line in report.details():  # what each reply recorded, or why it did not
        print(f"  {line}")
    if report.bad_rows:
        print(f"contact-desk: {skipped_count(report.bad_rows, 'rows')}:", file=sys.stderr)
        for bad in report.bad_rows:
            print(f"  {bad.shown()}", file=sys.stderr)
    return 0


def _export_vcard(database: Database, actor: Actor, args: argparse.Namespace) -> int:
    from contact_desk.sync.vcard import export_vcards

    ids = None
    if args.customer:
        ids = [customers.get_customer(database.unit_of_work(), key).id for key in args.customer]
    written = export_vcards(database, actor, args.file, ids, progress=_progress_printer("cards"))
    print(f"Wrote {written:,} cards to {args.file}.")
    return 0


def _users_list(database: Database, actor: Actor, args: argparse.Namespace) -> int:
    people = users.user_listing(database.unit_of_work(), actor)
    if args.json:
        _print_json([person.as_dict() for person in people])
        return 0
    for person in people:
        permissions = ", ".join(p.cli_name for p in Permission if p in person.permissions)
        notes = [f"OS login {person.os_login}" if person.os_login else "",
                 "PIN set" if person.has_pin else "", "locked" if person.locked else ""]
        shown = "; ".join(note for note in notes if note)
        print(f"{person.login:<16} {person.name:<28} {permissions or 'may only look'}"
              + (f"  ({shown})" if shown else ""))
    return 0


def _users_add(database: Database, actor: Actor, args: argparse.Namespace) -> int:
    permissions = [Permission.from_cli_name(name) for name in args.permission]
    users.create_user(database.unit_of_work(), actor, args.login, args.name, permissions,
                      os_login=args.os_login)
    print(f"Added {' '.join(args.name.split())} as {args.login.strip().lower()}.")
    return 0


def _users_set_pin(database: Database, actor: Actor, args: argparse.Namespace) -> int:
    actor.require(Permission.MANAGE_USERS)  # before asking anything
    pin = _read_secret(f"New PIN for {args.login}: ")
    if pin is None:
        raise DomainError("No PIN was given; nothing was changed.")
    if sys.stdin.isatty() and _read_secret("The same PIN again: ") != pin:
        raise DomainError("The two PINs differ; nothing was changed.")
    name = sign_in.set_pin(database.unit_of_work(), actor, args.login, pin)
    print(f"The PIN of {name} is set.")
    return 0


def _users_deactivate(database: Database, actor: Actor, args: argparse.Namespace) -> int:
    name = users.deactivate_user(database.unit_of_work(), actor, args.login)
    print(f"{name} can no longer use the desk; what they did still carries their name.")
    return 0


def _warn_skipped(bad_rows: Sequence[BadRow], what: str, report: Path | None) -> None:
    """A summary of what was skipped on stderr: the first few, and where the rest are."""
    if not bad_rows:
        return
    print(f"contact-desk: {skipped_count(bad_rows, what)}:", file=sys.stderr)
    for bad in bad_rows[:SKIPPED_SHOWN]:
        print(f"  {bad.shown()}", file=sys.stderr)
    if len(bad_rows) > SKIPPED_SHOWN:
        where = f"all of them are in {report}" if report else "--report FILE.csv lists them all"
        print(f"  ... and {len(bad_rows) - SKIPPED_SHOWN:,} more; {where}", file=sys.stderr)


def _show(database: Database, actor: Actor, args: argparse.Namespace) -> int:
    view = customers.get_customer(database.unit_of_work(), args.customer)
    if args.json:
        _print_json(view.as_dict())
    else:
        print(render_card(view))
    return 0


def _history_groups(given: str) -> frozenset[HistoryGroup]:
    try:
        return frozenset(HistoryGroup.from_cli_name(name.strip())
                         for name in given.split(",") if name.strip())
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _history(database: Database, actor: Actor, args: argparse.Namespace) -> int:
    found = customer_history(database.unit_of_work(), args.customer)
    entries = found.of(args.only)
    if args.json:
        _print_json({"customer_id": found.customer_id, "customer": found.customer_name,
                     "changes": [entry.as_dict() for entry in entries]})
        return 0
    if not entries:
        print(f"No changes of {escaped(found.customer_name)} are recorded"
              f"{' of that kind' if args.only else ''}.")
    for entry in entries:
        when = entry.at.astimezone().strftime("%Y-%m-%d %H:%M")
        where = f" at {entry.desk}" if entry.desk else ""
        old = f"{entry.old} -> " if entry.old else ""
        detail = f" ({entry.detail})" if entry.detail else ""
        print(escaped(f"{when}  {entry.what}: {entry.field.label}: {old}{entry.new or '(none)'}"
                      f"{detail}  [by {entry.who}{where}; why: {entry.why}]"))
    return 0


def _choice(parser: argparse.ArgumentParser, flag: str, enum: type[LabelledEnum],
            what: str) -> None:
    parser.add_argument(flag, required=True, choices=[member.cli_name for member in enum],
                        help=f"{what}: %(choices)s")


PURPOSES = {"transactional": (Purpose.TRANSACTIONAL,), "marketing": (Purpose.MARKETING,),
            "both": tuple(Purpose)}


def _consent(database: Database, actor: Actor, args: argparse.Namespace) -> int:
    evidence = None
    if args.evidence is not None:
        # One byte past the limit is enough for the service to refuse a file too large.
        content = read_input(database, args.evidence, MAX_EVIDENCE_FILE + 1)
        evidence = EvidenceFile(name=args.evidence.name, content=content,
                                content_type=mimetypes.guess_type(args.evidence.name)[0]
                                or "application/octet-stream")
    form = ConsentForm(channel=Channel.from_cli_name(args.channel),
                       purposes=PURPOSES[args.purpose],
                       state=ConsentState.from_cli_name(args.state),
                       how=ConsentHow.from_cli_name(args.how), note=args.note,
                       evidence=evidence)
    shown, saved = contact_info.set_consent_by_value(database.unit_of_work(), actor,
                                                     args.customer, args.value, form)
    point = next(p for p in (*saved.info.phones, *saved.info.emails) if p.display == shown)
    if args.json:
        _print_json({"value": point.value, "display": point.display,
                     "recorded": len(saved.consent_ids), "consent": point.consent_states()})
        return 0
    purposes = " and ".join(p.label.lower() for p in form.purposes)
    print(escaped(f"Recorded for {shown}: {form.channel.label.lower()} ({purposes}) "
                  f"{form.state.label.lower()}, {form.how.label.lower()}."))
    for name, state in point.consent_states().items():
        print(f"  {name:<24} {state}")
    return 0


def _set_primary(database: Database, actor: Actor, args: argparse.Namespace) -> int:
    shown = contact_points.set_primary_by_value(
        database.unit_of_work(), actor, args.customer, args.value
    )
    print(f"{shown} is now the primary.")
    return 0


def _search(database: Database, actor: Actor, args: argparse.Namespace) -> int:
    hits = customers.search_customers(database.unit_of_work(), args.query, limit=args.limit)
    if args.json:
        _print_json([hit.as_dict() for hit in hits])
        return 0
    if not hits:
        print(f"No customer matches {args.query!r}.")
    for hit in hits:
        reach = "  ".join(part for part in (hit.primary_phone, hit.primary_email) if part)
        print(f"{hit.customer_number or '#' + str(hit.id):<10} {hit.name:<32} {reach}")
    return 0


def _recipients(database: Database, actor: Actor, args: argparse.Namespace) -> int:
    customer_id, vehicle_id = customer_and_vehicle(database.unit_of_work(), args.customer,
                                                   args.vin)
    found = recipients_for(database.unit_of_work(), customer_id,
                           MessageType.from_cli_name(args.message), at=args.at,
                           vehicle_id=vehicle_id)
    if args.json:
        _print_json(found.as_dict())
    else:
        print(render_recipients(found))
    return 0


def _duplicates(database: Database, actor: Actor, args: argparse.Namespace) -> int:
    if not args.no_scan:
        report = scan_for_duplicates(database, actor, progress=_progress_printer("pairs"))
        if not args.json:
            print(report.summary())
    queue = duplicate_queue(database)
    if args.json:
        _print_json([pair.as_dict() for pair in queue])
        return 0
    if not queue:
        print("No possible duplicates are waiting for a decision.")
    for pair in queue:
        said = "; ".join(pair.as_dict()["reasons"])
        print(escaped(f"{pair.customer.shown()} / {pair.other.shown()}  score {pair.score}: "
                      f"{said}"))
    return 0


def _merge(database: Database, actor: Actor, args: argparse.Namespace) -> int:
    keep, other = merge.merge_keys(database.unit_of_work(), args.keep, args.other)
    done = merge.merge_customers(database.unit_of_work(), actor, keep, other)
    if args.json:
        _print_json(done.as_dict())
        return 0
    print(escaped(f"Merged {done.merged_number} into {done.survivor_number}."))
    for title, lines in (("Moved", done.moved), ("On both, kept once", done.kept_once)):
        if lines:
            print(escaped(f"{title}: {', '.join(lines)}."))
    print(f"Undo it with: contact-desk unmerge {done.survivor_number} (until either "
          "customer is next changed).")
    return 0


def _unmerge(database: Database, actor: Actor, args: argparse.Namespace) -> int:
    back = merge.unmerge(database.unit_of_work(), actor,
                         merge.merge_to_undo(database.unit_of_work(), args.customer))
    if args.json:
        _print_json(back.as_dict())
    else:
        print(escaped(f"Unmerged: {back.merged_number} is a customer of its own again, and "
                      "both are as they were before the merge."))
    return 0


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a day like 2027-01-31") from None


def _suppress(database: Database, actor: Actor, args: argparse.Namespace) -> int:
    customer_id, vehicle_id = customer_and_vehicle(database.unit_of_work(), args.customer,
                                                   args.vin)
    saved = suppress(database.unit_of_work(), actor, customer_id, SuppressionForm(
        message=MessageType.from_cli_name(args.message), reason=args.reason,
        vehicle_id=vehicle_id, ends_on=args.until))
    made = next(s for s in saved.suppressions if s.id == saved.id)
    if args.json:
        _print_json({"id": made.id, "message": made.message.cli_name, "reason": made.reason,
                     "vin": args.vin.strip().upper() if args.vin else None,
                     "until": made.ends_on.isoformat() if made.ends_on else None})
    else:
        print(escaped(f"Suppression {made.id}: {made.describe()}."))
    return 0


def _link(database: Database, actor: Actor, args: argparse.Namespace) -> int:
    customer_id, other_id = customer_ids(database.unit_of_work(), args.customer, args.other)
    saved = link_customers(database.unit_of_work(), actor, customer_id, other_id,
                           Relation.from_cli_name(args.relation), args.contracts)
    made = next(link for link in saved.links if link.id == saved.id)
    if args.json:
        _print_json(made.as_dict())
    else:
        print(escaped(f"Linked: {made.shown()}."))
    return 0


def _unlink(database: Database, actor: Actor, args: argparse.Namespace) -> int:
    customer_id, other_id = customer_ids(database.unit_of_work(), args.customer, args.other)
    _, found = customer_links(database.unit_of_work(), customer_id)
    link = next((link for link in found if link.other_id == other_id), None)
    if link is None:
        raise NotAllowed(f"{args.customer} and {args.other} are not linked.")
    unlink(database.unit_of_work(), actor, link.id, customer_id)
    print(escaped(f"Unlinked: {link.shown()}."))
    return 0


def _links(database: Database, actor: Actor, args: argparse.Namespace) -> int:
    _, found = customer_links(database.unit_of_work(), args.customer)
    if args.json:
        _print_json([link.as_dict() for link in found])
    elif not found:
        print("No customers are linked to this one.")
    for link in found if not args.json else ():
        print(escaped(link.shown()))
    return 0


def _unsuppress(database: Database, actor: Actor, args: argparse.Namespace) -> int:
    lift_suppression(database.unit_of_work(), actor, args.suppression)
    print(f"Suppression {args.suppression} is lifted.")
    return 0


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an ISO-8601 time, e.g. 2026-03-01T21:40:00-06:00") from None
    if moment.utcoffset() is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} has no UTC offset: add one, e.g. 2026-03-01T21:40:00-06:00")
    return moment


def _reach(database: Database, actor: Actor, args: argparse.Namespace) -> int:
    at = args.at or datetime.now(UTC).astimezone()
    found = customer_reach(database.unit_of_work(), args.customer, at)
    if args.json:
        _print_json([answer.as_dict() for answer in found.answers])
    else:
        print(render_reach(found))
    return 0


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def render_card(view: CustomerView) -> str:
    """The customer as a readable block of text for the terminal."""
    lines = [f"{view.full_name}  ({view.customer_number or '#' + str(view.id)})"]
    if view.company and view.company != view.full_name:
        lines.append(view.company)
    if view.address:
        lines.append(view.address)
    if view.vehicle:
        lines.append(f"Vehicle: {view.vehicle}")
    for warning in view.warnings:
        lines.append(f"! {warning}")
    for title, points in (("Phones", view.phones), ("Emails", view.emails)):
        lines.append(f"{title}:")
        if not points:
            lines.append("  none")
        for point in points:
            mark = "*" if point.is_primary else " "
            badges = [
                label
                for flag, label in (
                    (point.do_not_call, "do not call"),
                    (point.do_not_text, "do not text"),
                    (point.marketing_opt_out, "opted out"),
                )
                if flag
            ]
            extra = f"  [{', '.join(badges)}]" if badges else ""
            lines.append(
                f" {mark} {point.display:<28} {point.type.label:<28} "
                f"{point.status.label:<8} {point.status_date.isoformat()}{extra}"
            )
    if view.contacts:
        lines.append("Contacts:")
        for contact in view.contacts:
            mark = "*" if contact.primary_contact else " "
            reach = "  ".join(part for part in (contact.email, contact.phone_display) if part)
            lines.append(f" {mark} {contact.full_name:<28} {contact.role_label:<16} {reach}")
    lines.append("(* = primary)")
    return "\n".join(lines)


def render_recipients(found: RecipientList) -> str:
    """Who receives the message, then who is left out and why, one person a line."""
    number = found.customer_number or f"#{found.customer_id}"
    lines = [f"{found.message_type.label} for {found.customer_name} ({number}):"]
    if found.suppression is not None:
        lines.append(f"  suppression {found.suppression.id}: {found.suppression.describe()}")
    if not found.included:
        lines.append("  nobody will receive it")
    for person in found.included:
        lines.append(f"  {person.channel.label:<6} {person.who} ({person.role})  {person.shown}")
    if found.left_out:
        lines.append("Left out:")
    for person in found.left_out:
        lines.append(f"  {person.channel.label:<6} {person.who} ({person.role}): {person.reason}")
    return "\n".join(escaped(line) for line in lines)


def render_reach(found: CustomerReach) -> str:
    """Each value, channel and purpose a line: yes, or no and why."""
    number = found.customer_number or f"#{found.customer_id}"
    lines = [escaped(f"Reach for {found.customer_name} ({number}) at "
                     f"{found.at.isoformat(timespec='minutes')}:")]
    if not found.answers:
        lines.append("  no phone or email")
    for value in found.answers:
        verdict = "yes" if value.answer.allowed else "no"
        lines.append(escaped(f"  {value.display:<28} {value.channel.cli_name:<5} "
                             f"{value.purpose.cli_name:<13} {verdict}: {value.answer.reason}"))
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
