#!/usr/bin/env bash
# Benchmarks EdgeML against ONNX Runtime on the shared models (../shared/models), side by side in one
# run per model: latency medians and their ratio (1 and 2 threads), peak memory, load time, file sizes.
# Usage: benchmarks/shared-models.sh [RUNS] [OUTDIR]   (defaults: 200, benchmarks/results/<date>-<cpu>)
# Writes one JSON per model and configuration and a summary.md table into OUTDIR.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-200}"
models="../shared/models"
[ -d "$models" ] || { echo "shared models not found at $models" >&2; exit 1; }
command -v jq >/dev/null || { sudo apt-get install -y jq >/dev/null 2>&1 || apt-get install -y jq >/dev/null; }
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs | tr ' /' '__')"
out="${2:-benchmarks/results/$(date -u +%Y-%m-%d)-$cpu}"
mkdir -p "$out"
dotnet build src/Cli -c Release -v q -nologo >/dev/null
edgeml=(dotnet run --project src/Cli -c Release --no-build --)
# The device runtime as a user would ship it: NativeAOT, AVX-512 build where the CPU has it.
isa=x86-64-v3
grep -qw avx512bw /proc/cpuinfo && isa=x86-64-v4
[ "$(uname -m)" = x86_64 ] || isa=
device_dir="$(mktemp -d)"
trap 'rm -rf "$device_dir"' EXIT
dotnet publish src/Device -c Release -nologo -v q ${isa:+-p:EdgeMLInstructionSet=$isa} -o "$device_dir" >/dev/null

# model|--dim options that make its symbolic dimensions concrete (shapes from ../shared/models/README.md)
while IFS='|' read -r name dims; do
  [ -f "$models/$name.onnx" ] || { echo "skip $name: not found"; continue; }
  echo "== $name"
  # shellcheck disable=SC2086
  "${edgeml[@]}" bench "$models/$name.onnx" $dims --runs "$runs" --memory --json "$out/$name.json" | grep -E "ratio|arena"
  # shellcheck disable=SC2086
  "${edgeml[@]}" bench "$models/$name.onnx" $dims --runs "$runs" --threads 2 --ort-threads 2 --json "$out/$name.threads2.json" | grep -E "ratio"
  # shellcheck disable=SC2086
  "${edgeml[@]}" compile "$models/$name.onnx" $dims -o "$device_dir/$name.edgeml" >/dev/null
  # shellcheck disable=SC2086
  "$device_dir/edgeml-device" bench "$device_dir/$name.edgeml" $dims --runs "$runs" --json "$out/$name.device.json" | grep -E "latency|load"
done <<'MODELS'
blazeface_front_128|
ppocr_v4_rec|--dim p2o.DynamicDimension.0=1 --dim p2o.DynamicDimension.1=320
ppocr_mobile_v2_cls|--dim p2o.DynamicDimension.0=1 --dim p2o.DynamicDimension.1=48 --dim p2o.DynamicDimension.2=192
silero_vad_v4|--dim batch=1 --dim sequence=512
oww_melspectrogram|--dim batch_size=1 --dim samples=1760
oww_embedding|--dim unk__314=1
oww_hey_mycroft|
MODELS

{
  echo "# EdgeML vs ONNX Runtime on the shared models"
  echo
  echo "$(jq -r .cpu "$(ls "$out"/*.json | head -1)"), $runs interleaved runs per engine, medians; ratio < 1: EdgeML faster or smaller."
  echo "Peak memory: growth of resident memory from before loading, fresh process per engine (median of 3)."
  echo
  echo "Device: edgeml-device (NativeAOT${isa:+, $isa}) alone, same inputs, not interleaved with ORT."
  echo
  echo "| model | EdgeML ms | ORT ms | ratio 1 thread | ratio 2 threads | EdgeML peak MB | ORT peak MB | memory ratio | EdgeML load ms | ORT load ms | device ms | device load ms | device 1st run ms | device peak MB | .edgeml bytes | .onnx bytes | allocs/run |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  for f in "$out"/*.json; do
    case "$f" in *.threads2.json|*.device.json) continue;; esac
    name="$(basename "$f" .json)"
    t2="$out/$name.threads2.json"
    jq -r --arg name "$name" --slurpfile t2 "$t2" --slurpfile dev "$out/$name.device.json" '
      "| \($name) | \(.edgeml.median) | \(.ort.median) | \(.ratio*100|round/100) | \($t2[0].ratio*100|round/100) | \(.footprint.edgeml.peakGrowthBytes/1048576*10|round/10) | \(.footprint.ort.peakGrowthBytes/1048576*10|round/10) | \((.footprint.edgeml.peakGrowthBytes/.footprint.ort.peakGrowthBytes)*100|round/100) | \(.footprint.edgeml.loadMs|round) | \(.footprint.ort.loadMs|round) | \($dev[0].latency.median) | \($dev[0].loadMs*10|round/10) | \($dev[0].firstRunMs*10|round/10) | \($dev[0].peakGrowthBytes/1048576*10|round/10) | \(.edgemlFileBytes) | \(.onnxBytes) | \(.allocatedBytesPerRun) |"' "$f"
  done
} > "$out/summary.md"
cat "$out/summary.md"
