using System.Text.Json;
using System.Text.Json.Serialization;
using EdgeML.Runtime.IO;
using EdgeML.Runtime.Monitoring;

namespace EdgeML.Device;

/// <summary>The figures the commands write with --json: records serialised by generated code (no
/// reflection, so the NativeAOT binary stays trim-safe), written atomically.</summary>
public static class DeviceJson
{
    public static void Write<T>(string? path, T value)
    {
        if (string.IsNullOrEmpty(path)) return;
        var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)DeviceJsonContext.Default.GetTypeInfo(typeof(T))!;
        AtomicFile.WriteText(path, JsonSerializer.Serialize(value, info) + "\n");
    }
}

public sealed record OutputFigures(string Name, string Type, long[] Shape);

public sealed record RunFigures(string Model, double LoadMs, double RunMs, OutputFigures[] Outputs);

public sealed record BenchFigures(
    string Model, string Cpu, int Threads, int Runs, LatencyStats Latency, double LoadMs, double FirstRunMs,
    long AllocatedBytesPerRun, long ArenaBytes, long FileBytes, long RssBeforeLoadBytes, long PeakRssBytes, long PeakGrowthBytes);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RunFigures))]
[JsonSerializable(typeof(BenchFigures))]
internal sealed partial class DeviceJsonContext : JsonSerializerContext;
