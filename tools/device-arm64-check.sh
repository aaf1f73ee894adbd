#!/usr/bin/env bash
# Cross-publishes edgeml-device for linux-arm64 (NativeAOT), runs it under qemu-user on MODEL.edgeml
# files and compares every output with the host build on the same inputs.
# Usage: tools/device-arm64-check.sh [MODEL.onnx [--dim NAME=VALUE ...] ...]   (default: the sample CNN)
# Installs what it needs with apt: clang lld gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
for p in clang lld gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get install -y -q "${need[@]}" >/dev/null
fi
# One "model|dims" entry per MODEL.onnx; the --dim options after a model belong to it.
entries=()
while [ $# -gt 0 ]; do
  case "$1" in
    --dim) entries[-1]+=" --dim $2"; shift 2;;
    *) entries+=("$1|"); shift;;
  esac
done
[ ${#entries[@]} -gt 0 ] || entries=("samples/tiny-cnn/tiny_cnn.onnx|")
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
dotnet publish src/Device -c Release -r linux-arm64 -nologo -v q -o "$work/arm64" >/dev/null
dotnet publish src/Device -c Release -nologo -v q -o "$work/host" >/dev/null
dotnet build src/Cli -c Release -nologo -v q >/dev/null
arm64=(qemu-aarch64 -L /usr/aarch64-linux-gnu "$work/arm64/edgeml-device")
"${arm64[@]}" info
status=0
for entry in "${entries[@]}"; do
  onnx="${entry%%|*}"; dims="${entry#*|}"
  name="$(basename "$onnx" .onnx)"
  echo "== $name"
  # shellcheck disable=SC2086
  dotnet run --project src/Cli -c Release --no-build -- compile "$onnx" $dims -o "$work/$name.edgeml" >/dev/null
  # shellcheck disable=SC2086
  "$work/host/edgeml-device" run "$work/$name.edgeml" $dims --outputs "$work/$name.host" >/dev/null
  # shellcheck disable=SC2086
  "${arm64[@]}" run "$work/$name.edgeml" $dims --outputs "$work/$name.arm64" >/dev/null
  # Same inputs (seeded), so outputs must agree to float rounding: 1e-4 absolute or 1e-3 relative.
  dotnet run --project src/Cli -c Release --no-build -- compare "$work/$name.host" "$work/$name.arm64" || status=1
done
exit $status
