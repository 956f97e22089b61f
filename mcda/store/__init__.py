"""The scenario library: every saved version of every scenario, in one SQLite file.

Modules: :mod:`~mcda.store.records` (what is stored and returned: records,
names, errors) and :mod:`~mcda.store.library` (the SQLite file, :class:`Store`).

* **Append-only.** Saving never changes an old version: it adds version N+1
  (numbers run 1, 2, 3, ... with no gaps). Database triggers refuse any
  UPDATE or DELETE of a version. Restoring version N adds a new version equal
  to N. Deleting is soft (the scenario is hidden, then ``undelete`` brings it
  back); nothing is ever removed.
* **Safe under concurrency and crashes.** WAL journal, ``synchronous=FULL``,
  one ``BEGIN IMMEDIATE`` transaction per change: two processes saving at
  once get distinct consecutive numbers, a process killed mid-save leaves
  the library as it was before that save, and a failed save writes nothing.
  A locked library is waited for (``timeout`` seconds, polite retries), then
  :class:`StoreBusyError`.
* **Checked on the way out.** Each version keeps its canonical text
  (:func:`mcda.scenario.io.dumps`), sha256, size, UTC time, message and title;
  opening verifies the checksum and validates the scenario again, so damage
  is a clear :class:`~mcda.errors.MCDAError` naming scenario and version.
* **Names** are text, compared after NFC normalisation with surrounding
  spaces removed; 1-100 characters, no control or invisible characters. They
  only reach SQL as bound parameters and never reach the file system.

Policies: saving content identical to the latest version is refused with
:class:`UnchangedError` unless ``allow_unchanged=True``. A deleted scenario
keeps its name: saving, renaming onto, or opening it is refused until it is
undeleted. The library file is created on first use, not on ``Store()``.

>>> import tempfile, mcda
>>> folder = tempfile.TemporaryDirectory()
>>> scenario = mcda.load_scenario(mcda.scenario.bundled.EXAMPLE, lint=False)
>>> with Store(folder.name + "/library.sqlite3") as store:
...     first = store.save(scenario, "2027 财务外包招标", "first draft")
...     [(v.version, v.message) for v in store.history("2027 财务外包招标")], store.open("2027 财务外包招标") == scenario
([(1, 'first draft')], True)
>>> folder.cleanup()
"""
from mcda.store.library import APPLICATION_ID, STORE_FORMAT, Store
from mcda.store.records import (
    MAX_MESSAGE_LENGTH,
    MAX_NAME_LENGTH,
    ScenarioInfo,
    StoreBusyError,
    StoredVersion,
    UnchangedError,
    VersionInfo,
    check_name,
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
    "UnchangedError",
    "StoreBusyError",
    "check_name",
    "default_store_path",
]
