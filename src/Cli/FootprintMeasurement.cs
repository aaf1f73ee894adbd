using System.Diagnostics;
using System.Text.Json;
using EdgeML.Cli.Commands;
using EdgeML.Runtime;
using EdgeML.Runtime.IO;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Cli;

/// <summary>Measures each engine's footprint in its own child process (`edgeml footprint-probe`), on the
/// same input files, alternating engines; the median of several probes per engine.</summary>
public static class FootprintMeasurement
{
    public static (EngineFootprint EdgeML, EngineFootprint Ort) Measure(
        string edgemlPath, string onnxPath, IReadOnlyDictionary<string, Tensor> inputs, int runs, int threads, int ortThreads, int probes = 3)
    {
        string dir = Directory.CreateTempSubdirectory("edgeml-footprint-").FullName;
        try
        {
            foreach (var (name, tensor) in inputs) NpyFile.Write(Path.Combine(dir, NpyFile.FileNameFor(name)), tensor);
            var edge = new List<EngineFootprint>();
            var ort = new List<EngineFootprint>();
            for (int i = 0; i < probes; i++)
            {
                edge.Add(Probe("edgeml", edgemlPath, dir, runs, threads));
                ort.Add(Probe("ort", onnxPath, dir, runs, ortThreads));
            }
            return (Median(edge), Median(ort));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static EngineFootprint Probe(string engine, string model, string inputs, int runs, int threads)
    {
        var start = SelfStartInfo();
        foreach (var a in new[] { FootprintProbeCommand.Name, model, "--engine", engine, "--inputs", inputs, "--runs", runs.ToString(), "--threads", threads.ToString() })
            start.ArgumentList.Add(a);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new EdgeMLException("cannot start the footprint probe");
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new EdgeMLException($"the {engine} footprint probe failed: {stderr.Result.ReplaceLineEndings(" ").Trim()}");
        return JsonSerializer.Deserialize<EngineFootprint>(stdout.Trim().Split('\n')[^1])
            ?? throw new EdgeMLException($"the {engine} footprint probe printed no figures");
    }

    /// <summary>This same edgeml: the native executable, or `dotnet edgeml.dll` when run through the host.</summary>
    private static ProcessStartInfo SelfStartInfo()
    {
        string exe = Environment.ProcessPath ?? throw new EdgeMLException("cannot find this executable to start the footprint probe");
        var start = new ProcessStartInfo(exe) { UseShellExecute = false };
        // Through the dotnet host (dotnet run, dotnet edgeml.dll, a test host) the assembly goes first.
        if (Path.GetFileNameWithoutExtension(exe) == "dotnet") start.ArgumentList.Add(typeof(FootprintMeasurement).Assembly.Location);
        return start;
    }

    private static EngineFootprint Median(List<EngineFootprint> probes)
    {
        static double Mid(IEnumerable<double> xs) { var s = xs.Order().ToArray(); return s[s.Length / 2]; }
        return new EngineFootprint(
            (long)Mid(probes.Select(p => (double)p.RssBeforeBytes)),
            (long)Mid(probes.Select(p => (double)p.PeakRssBytes)),
            (long)Mid(probes.Select(p => (double)p.PeakGrowthBytes)),
            Mid(probes.Select(p => p.LoadMs)),
            Mid(probes.Select(p => p.FirstRunMs)));
    }
}
