"""The scenario library: every saved version of every scenario, in one SQLite file or one PostgreSQL database.

``Store(path)`` opens an SQLite file (the default, embedded, zero set-up);
``Store("postgresql://user:password@host/db")`` a database on a server shared by a
committee. The guarantees are the same on both:

* **Append-only.** Saving never changes an old version: it adds version N+1
  (numbers run 1, 2, 3, ... with no gaps, also with many writers at once).
  Database triggers refuse any UPDATE or DELETE of a version or of the audit
  log. Restoring version N adds a new version equal to N. Deleting is soft (the
  scenario is hidden, then ``undelete`` brings it back); nothing is ever removed.
* **No lost updates.** ``save(..., base=V)`` names the version an edit started
  from. If others saved since, the changes are merged part by part
  (:mod:`~mcda.store.merge`: each judgment, score cell, criteria node, setting,
  member, vendor, ...) into a new version recorded as a merge; changes to the
  same part raise :class:`ConflictError` listing them, and nothing is saved.
* **Safe under concurrency and crashes.** One transaction per action (SQLite:
  ``BEGIN IMMEDIATE`` in WAL mode with ``synchronous=FULL``; PostgreSQL: the
  scenario's row locked ``FOR UPDATE``): a process killed or a connection lost
  mid-save leaves the library as it was before that save. A library locked for
  longer than ``timeout`` seconds gives :class:`StoreBusyError`.
* **Audited.** Every action (save, merge, restore, rename, delete, undelete and,
  through :meth:`Store.log_action`, export and committee actions) adds an entry
  with its actor, UTC time, version and a short detail (:meth:`Store.log`).
* **Checked on the way out.** Each version keeps its canonical text
  (:func:`mcda.scenario.io.dumps`), sha256, size, UTC time, actor, message and title;
  opening verifies the checksum and validates the scenario again, so damage
  is a clear :class:`~mcda.errors.MCDAError` naming scenario and version.
* **Readable when read-only.** A library file without write permission (on it
  or its folder) can be listed, opened and logged; changes raise :class:`ReadOnlyError`.
* **Names** are text, compared after NFC normalisation with surrounding
  spaces removed; 1-100 characters, no control or invisible characters. They
  only reach SQL as bound parameters and never reach the file system.

Modules: :mod:`~mcda.store.records` (records, names, errors),
:mod:`~mcda.store.library` (:class:`Store`), :mod:`~mcda.store.merge` and
:mod:`~mcda.store.merge_tree` (the three-way merge), :mod:`~mcda.store.audit`,
:mod:`~mcda.store.backend` (what a backend provides), :mod:`~mcda.store.sqlite`,
:mod:`~mcda.store.postgres`, :mod:`~mcda.store.migrations` (the tables, by format).

Policies: saving content identical to the latest version is refused with
:class:`UnchangedError` unless ``allow_unchanged=True``. A deleted scenario
keeps its name: saving, renaming onto, or opening it is refused until it is
undeleted. The library file is created on first use, not on ``Store()``.

>>> import tempfile, mcda
>>> folder = tempfile.TemporaryDirectory()
>>> scenario = mcda.load_scenario(mcda.scenario.bundled.EXAMPLE, lint=False)
>>> with Store(folder.name + "/library.sqlite3", actor="wang.min") as store:
...     first = store.save(scenario, "2027 财务外包招标", "first draft")
...     history = store.history("2027 财务外包招标")
...     [(v.version, v.actor, v.message) for v in history], store.open("2027 财务外包招标") == scenario
([(1, 'wang.min', 'first draft')], True)
>>> folder.cleanup()
"""
from mcda.store.library import Store
from mcda.store.merge import ABSENT, Conflict, merge_scenarios
from mcda.store.migrations import APPLICATION_ID, STORE_FORMAT
from mcda.store.records import (
    MAX_MESSAGE_LENGTH,
    MAX_NAME_LENGTH,
    AuditEntry,
    ConflictError,
    ReadOnlyError,
    ScenarioInfo,
    StoreBusyError,
    StoredVersion,
    UnchangedError,
    VersionInfo,
    check_name,
    default_actor,
    default_store_location,
    default_store_path,
)

__all__ = [
    "STORE_FORMAT",
    "APPLICATION_ID",
    "MAX_NAME_LENGTH",
    "MAX_MESSAGE_LENGTH",
    "Store",
    "VersionInfo",
    "ScenarioInfo",
    "StoredVersion",
    "AuditEntry",
    "Conflict",
    "ABSENT",
    "UnchangedError",
    "StoreBusyError",
    "ReadOnlyError",
    "ConflictError",
    "check_name",
    "default_actor",
    "default_store_path",
    "default_store_location",
    "merge_scenarios",
]
