using EdgeML.Oracle.Conformance;
using EdgeML.TestSupport;
using Xunit.Abstractions;

namespace EdgeML.Oracle.Tests.Conformance;

/// <summary>
/// Runs the ONNX backend conformance suites. Every case passes except those listed, with their
/// reason, in known-failures-&lt;suite&gt;.txt next to this file: a case that starts failing is a
/// regression and fails the test. Listed cases that now pass are printed so the list can shrink.
/// </summary>
public class ConformanceSuiteTests(ITestOutputHelper output)
{
    [SharedDataTheory("onnx-tests")]
    [InlineData("node", 0.97)]
    [InlineData("simple", 0.0)]
    [InlineData("pytorch-converted", 0.0)]
    [InlineData("pytorch-operator", 0.0)]
    public void Suite_passes_all_but_the_known_failures(string suite, double minimumPassRate)
    {
        var cases = ConformanceCase.Find([TestPaths.SharedPath("onnx-tests", suite)]);
        var runner = new ConformanceRunner();
        var results = new CaseResult[cases.Count];
        Parallel.For(0, cases.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => results[i] = runner.RunEdgeML(cases[i]));
        var known = KnownFailures(suite);
        var regressions = results.Where(r => !r.Passed && !known.ContainsKey(r.Case)).ToList();
        var fixedNow = results.Where(r => r.Passed && known.ContainsKey(r.Case)).Select(r => r.Case).ToList();
        int passed = results.Count(r => r.Passed);
        output.WriteLine($"{suite}: edgeml passed {passed} of {cases.Count}");
        if (fixedNow.Count > 0) output.WriteLine($"listed as failing but now passing ({fixedNow.Count}): {string.Join(", ", fixedNow)}");
        Assert.True(regressions.Count == 0, $"{regressions.Count} cases fail that are not known failures: " + string.Join("; ", regressions.Take(30).Select(r => $"{r.Case}: {r.Detail}")));
        Assert.True(passed >= minimumPassRate * cases.Count, $"{suite}: {passed} of {cases.Count} is below {minimumPassRate:P0}");
    }

    /// <summary>Case name -> reason, from known-failures-&lt;suite&gt;.txt ("name  # reason" per line).</summary>
    private static Dictionary<string, string> KnownFailures(string suite)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Conformance", $"known-failures-{suite}.txt");
        var result = new Dictionary<string, string>();
        if (!File.Exists(path)) return result;
        foreach (var line in File.ReadAllLines(path))
        {
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#')) continue;
            int hash = text.IndexOf('#');
            string name = (hash < 0 ? text : text[..hash]).Trim();
            result[name] = hash < 0 ? "" : text[(hash + 1)..].Trim();
        }
        return result;
    }
}
