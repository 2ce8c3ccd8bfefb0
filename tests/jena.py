"""Apache Jena's command-line tools (arq, riot, tdb2.tdbloader, tdb2.tdbquery) without Jena's
own distribution: from the jars of Debian's libapache-jena-java (4.5.0 in Debian 12), or from
an Apache Jena binary distribution named by JENA_HOME (its lib/*.jar).

Debian ships the jars but no `arq`/`riot`/`tdb2.*` scripts, and two things stop the obvious
`java -cp '/usr/share/java/*' arq.arq`:
- /usr/share/java holds log4j-over-slf4j.jar and slf4j-log4j12.jar together, and SLF4J
  refuses that pair (IllegalStateException "Detected both log4j-over-slf4j.jar AND bound
  slf4j-log4j12.jar on the class path"), so Jena's logging set-up dies in CmdMain's
  initialiser: the classpath has to name Jena's jars and their dependencies (JARS) alone;
- Debian's jena-core has the Xerces datatype classes it embeds moved to the package `xerces.*`
  but their message bundles left under org/apache/jena/ext/xerces/, so the first XSD regex
  facet fails (RuntimeException "Installation Problem???  Couldn't load messages: Can't find
  bundle for base name xerces.impl.xpath.regex.message", reported as "internal error" in an
  ExceptionInInitializerError from SchemaDVFactory, as JenaSystem.init starts): the bundles
  are copied out of the jar under xerces/ into a folder put on the classpath.

Run as a script it is the missing wrapper: `python3 tests/jena.py arq --data graph.ttl
--query q.rq`, `... riot --validate graph.nq`, `... tdb2.tdbloader --loc db graph.nq`,
`... tdb2.tdbquery --loc db --set tdb:unionDefaultGraph=true --query q.rq`.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

DEBIAN = Path("/usr/share/java")
# Jena's modules and what Debian's poms (/usr/share/maven-repo/org/apache/jena/*/debian) make
# them depend on, by the unversioned names of /usr/share/java; slf4j-simple logs to stderr.
JARS = (
    "jena-base", "jena-core", "jena-iri", "jena-arq", "jena-cmds", "jena-rdfconnection",
    "jena-shacl", "jena-shex", "jena-tdb", "jena-tdb2", "jena-dboe-base", "jena-dboe-index",
    "jena-dboe-storage", "jena-dboe-trans-data", "jena-dboe-transaction",
    "slf4j-api", "slf4j-simple", "jcl-over-slf4j", "commons-cli", "commons-codec",
    "commons-compress", "commons-csv", "commons-io", "commons-lang3", "dexx.collection", "guava",
    "gson", "jsonld-java", "jackson-core", "jackson-databind", "jackson-annotations",
    "httpclient", "httpcore", "httpclient-cache", "titanium-json-ld", "jakarta.json-api",
    "protobuf", "thrift",
)
# The commands by their main classes (what Jena's bin/ scripts run).
COMMANDS = {
    "arq": "arq.arq", "sparql": "arq.sparql", "riot": "riotcmd.riot",
    "tdb2.tdbloader": "tdb2.tdbloader", "tdb2.tdbquery": "tdb2.tdbquery",
    "tdb2.tdbstats": "tdb2.tdbstats", "tdb2.tdbdump": "tdb2.tdbdump",
}
_XERCES = "org/apache/jena/ext/xerces/"
_classpath: list[str | None] = []


def _xerces_messages(jena_core: Path) -> Path | None:
    """A folder with jena-core's Xerces message bundles under xerces/, where Debian's
    relocated classes look for them; None when the jar's classes need no such thing."""
    with zipfile.ZipFile(jena_core) as jar:
        names = jar.namelist()
        if not any(n.startswith("xerces/") and n.endswith(".class") for n in names):
            return None
        folder = Path(tempfile.mkdtemp(prefix="jena-xerces-"))
        atexit.register(shutil.rmtree, folder, True)
        for name in names:
            if name.startswith(_XERCES) and name.endswith(".properties"):
                out = folder / "xerces" / name[len(_XERCES):]
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(jar.read(name))
        return folder


def classpath() -> str | None:
    """The classpath of Jena's commands, or None when neither Java nor Jena is here."""
    if not _classpath:
        _classpath.append(_find())
    return _classpath[0]


def _find() -> str | None:
    if shutil.which("java") is None:
        return None
    home = os.environ.get("JENA_HOME")
    if home and list((Path(home) / "lib").glob("jena-arq-*.jar")):
        return str(Path(home) / "lib" / "*")
    jars = [DEBIAN / f"{name}.jar" for name in JARS]
    if not all(jar.is_file() for jar in jars):
        return None
    extra = _xerces_messages(DEBIAN / "jena-core.jar")
    return os.pathsep.join(([str(extra)] if extra else []) + [str(j) for j in jars])


def missing() -> str:
    """Why classpath() is None, for a skip."""
    if shutil.which("java") is None:
        return "Apache Jena needs Java (apt-get install default-jre-headless)"
    absent = [n for n in JARS if not (DEBIAN / f"{n}.jar").is_file()]
    return (f"Apache Jena is not installed (apt-get install libapache-jena-java, or JENA_HOME): "
            f"{DEBIAN} lacks {', '.join(absent[:4])}{' ...' if len(absent) > 4 else ''}")


def command(name: str, *args: str) -> list[str]:
    """The java command line of Jena's command `name` (arq, riot, tdb2.tdbloader, ...)."""
    cp = classpath()
    if cp is None:
        raise RuntimeError(missing())
    return ["java", "-cp", cp, COMMANDS.get(name, name), *args]


def run(name: str, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run(command(name, *args), capture_output=True, text=True, timeout=timeout)


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(f"usage: {sys.argv[0]} {{{','.join(COMMANDS)}}} ARGS...")
    if classpath() is None:
        sys.exit(missing())
    sys.exit(subprocess.run(command(sys.argv[1], *sys.argv[2:])).returncode)
