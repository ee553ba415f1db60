#!/usr/bin/env bash
# Fetches Temporal's Java time-skipping test server with Maven into .tools/ and writes an exec wrapper.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
POM="$ROOT/tools/temporal-test-server/pom.xml"
DEST="$ROOT/.tools/temporal-test-server"
STAMP="$DEST/.pom-$(sha1sum "$POM" | cut -c1-12)"
WRAPPER="$DEST/test-server"
if [ -f "$STAMP" ] && [ -x "$WRAPPER" ]; then
  echo "[test-server] cached $WRAPPER" >&2
  echo "$WRAPPER"; exit 0
fi
command -v mvn >/dev/null 2>&1 || { echo "[test-server] Maven is required" >&2; exit 1; }
command -v java >/dev/null 2>&1 || { echo "[test-server] Java 17+ is required" >&2; exit 1; }
echo "[test-server] fetching io.temporal:temporal-test-server with Maven" >&2
rm -rf "$DEST"; mkdir -p "$DEST/lib"
mvn -q -B -f "$POM" dependency:copy-dependencies -DoutputDirectory="$DEST/lib" -DincludeScope=runtime >&2
# Tiered compilation stopped at C1 and a shared class cache make the JVM answer faster on 2 cores.
cat > "$WRAPPER" <<WRAP
#!/usr/bin/env bash
exec java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -cp "$DEST/lib/*" io.temporal.testserver.TestServer "\$@"
WRAP
chmod +x "$WRAPPER"
touch "$STAMP"
echo "[test-server] ready: $WRAPPER" >&2
echo "$WRAPPER"
