using System.CommandLine;
using System.Diagnostics;
using System.Text.RegularExpressions;
using EdgeML.Oracle.Conformance;
using EdgeML.Runtime.IO;

namespace EdgeML.Cli.Commands;

/// <summary>`edgeml conformance DIR... [--json FILE] [--vs ort]`: runs ONNX backend-test cases.</summary>
public static class ConformanceCommand
{
    public static Command Create()
    {
        var dirs = new Argument<string[]>("dirs") { Description = "Folders holding case folders (model.onnx + test_data_set_*)", Arity = ArgumentArity.OneOrMore };
        var json = CommonOptions.Json();
        var vs = new Option<string?>("--vs") { Description = "Also run the cases on another engine: 'ort' (ONNX Runtime)" };
        vs.AcceptOnlyFromAmong("ort");
        var filter = new Option<string?>("--filter") { Description = "Only cases whose name matches this regular expression" };
        var verbose = new Option<bool>("--verbose") { Description = "Print the detail of every failure" };
        var failures = new Option<string?>("--write-failures") { Description = "Write the failing cases, one per line with their reason, to this file (the known-failures list format)" };
        var jobs = new Option<int>("--jobs") { Description = "Cases run in parallel (default: one per core)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var cmd = new Command("conformance", "Run ONNX conformance cases and count how many pass") { dirs, json, vs, filter, verbose, jobs, failures };
        cmd.SetAction(p =>
        {
            var o = p.InvocationConfiguration.Output;
            var cases = ConformanceCase.Find(p.GetRequiredValue(dirs));
            if (p.GetValue(filter) is { } f)
            {
                Regex re;
                try { re = new Regex(f); }
                catch (ArgumentException e) { throw new Runtime.EdgeMLException($"bad --filter: {e.Message}"); }
                cases = cases.Where(c => re.IsMatch(c.Name)).ToList();
            }
            var runner = new ConformanceRunner();
            var sw = Stopwatch.StartNew();
            var edgeml = RunAll(cases, runner.RunEdgeML, p.GetValue(jobs));
            double edgemlSeconds = sw.Elapsed.TotalSeconds;
            CaseResult[]? ort = null;
            if (p.GetValue(vs) == "ort")
            {
                sw.Restart();
                ort = RunAll(cases, runner.RunOrt, p.GetValue(jobs));
            }
            bool detail = p.GetValue(verbose);
            Report(o, "edgeml", edgeml, detail);
            if (ort != null)
            {
                Report(o, "ort", ort, detail);
                var onlyOrt = cases.Where((c, i) => ort[i].Passed && !edgeml[i].Passed).Select(c => c.Name).ToList();
                var onlyEdge = cases.Where((c, i) => edgeml[i].Passed && !ort[i].Passed).Select(c => c.Name).ToList();
                o.WriteLine($"passed by ort only ({onlyOrt.Count}): {string.Join(", ", onlyOrt)}");
                o.WriteLine($"passed by edgeml only ({onlyEdge.Count}): {string.Join(", ", onlyEdge)}");
            }
            JsonOutput.Write(p.GetValue(json), new
            {
                cases = cases.Count,
                edgemlPassed = edgeml.Count(r => r.Passed),
                ortPassed = ort?.Count(r => r.Passed),
                edgemlSeconds,
                results = cases.Select((c, i) => new
                {
                    name = c.Name,
                    folder = c.Folder,
                    edgeml = new { passed = edgeml[i].Passed, category = edgeml[i].Category, detail = edgeml[i].Detail, ms = edgeml[i].Milliseconds },
                    ort = ort == null ? null : new { passed = ort[i].Passed, category = ort[i].Category, detail = ort[i].Detail, ms = ort[i].Milliseconds },
                }).ToList(),
            });
            if (p.GetValue(failures) is { } failureFile)
            {
                var lines = edgeml.Where(r => !r.Passed).Select(r => $"{r.Case}  # {r.Category}: {r.Detail.ReplaceLineEndings(" ")}");
                AtomicFile.WriteText(failureFile, string.Join("\n", lines) + "\n");
            }
            if (ort != null) o.WriteLine($"ort passed {ort.Count(r => r.Passed)} of {cases.Count}");
            o.WriteLine($"edgeml passed {edgeml.Count(r => r.Passed)} of {cases.Count}");
            return 0;
        });
        return cmd;
    }

    private static CaseResult[] RunAll(List<ConformanceCase> cases, Func<ConformanceCase, CaseResult> run, int jobs)
    {
        var results = new CaseResult[cases.Count];
        Parallel.For(0, cases.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) }, i => results[i] = run(cases[i]));
        return results;
    }

    private static void Report(TextWriter o, string engine, CaseResult[] results, bool verbose)
    {
        var failures = results.Where(r => !r.Passed).GroupBy(r => r.Category).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).ToList();
        if (failures.Count == 0) return;
        o.WriteLine($"{engine} failures by reason:");
        foreach (var g in failures)
        {
            o.WriteLine($"  {g.Key} ({g.Count()}): {string.Join(", ", g.Select(r => r.Case))}");
            if (verbose) foreach (var r in g) o.WriteLine($"      {r.Case}: {r.Detail}");
        }
    }
}
