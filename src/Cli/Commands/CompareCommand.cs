using System.CommandLine;
using EdgeML.Compiler.Verification;
using EdgeML.Runtime;
using EdgeML.Runtime.IO;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Cli.Commands;

/// <summary>`edgeml compare EXPECTED ACTUAL`: two .npy files, or two folders of them (matched by file
/// name), e.g. the outputs of the host and of a device. Exit 1 when any tensor differs beyond tolerance.</summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var expected = new Argument<string>("expected") { Description = "A .npy file or a folder of them" };
        var actual = new Argument<string>("actual") { Description = "A .npy file or a folder of them (every file of EXPECTED must be there)" };
        var rtol = new Option<double>("--rtol") { Description = "Relative tolerance", DefaultValueFactory = _ => 1e-3 };
        var atol = new Option<double>("--atol") { Description = "Absolute tolerance", DefaultValueFactory = _ => 1e-4 };
        var json = CommonOptions.Json();
        var cmd = new Command("compare", "Compare .npy tensors (files or folders) within a tolerance") { expected, actual, rtol, atol, json };
        cmd.SetAction(p =>
        {
            var o = p.InvocationConfiguration.Output;
            var pairs = Pairs(p.GetRequiredValue(expected), p.GetRequiredValue(actual));
            var rows = new List<object>();
            var differing = new List<string>();
            foreach (var (name, e, a) in pairs)
            {
                var te = new Tensor(name);
                var ta = new Tensor(name);
                NpyFile.Read(e, te);
                NpyFile.Read(a, ta);
                var r = TensorComparison.Compare(ta, te, p.GetValue(rtol), p.GetValue(atol));
                o.WriteLine($"{name}: {(r.Equal ? "match" : "DIFFERENT: " + r.Reason)}, max |diff| {r.MaxAbsoluteError:G3}");
                if (!r.Equal) differing.Add(name);
                rows.Add(new { name, equal = r.Equal, maxAbsoluteError = r.MaxAbsoluteError, reason = r.Reason });
            }
            JsonOutput.Write(p.GetValue(json), new { equal = differing.Count == 0, tensors = rows });
            if (differing.Count > 0) throw new EdgeMLException($"{differing.Count} of {pairs.Count} tensors differ: {string.Join(", ", differing)}");
            o.WriteLine($"all {pairs.Count} tensors match");
            return 0;
        });
        return cmd;
    }

    private static List<(string Name, string Expected, string Actual)> Pairs(string expected, string actual)
    {
        if (File.Exists(expected))
        {
            if (!File.Exists(actual)) throw new EdgeMLException($"file not found: {actual}");
            return [(Path.GetFileName(expected), expected, actual)];
        }
        if (!Directory.Exists(expected)) throw new EdgeMLException($"not found: {expected}");
        if (!Directory.Exists(actual)) throw new EdgeMLException($"folder not found: {actual}");
        var files = Directory.GetFiles(expected, "*.npy").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new EdgeMLException($"no .npy files in {expected}");
        return files.Select(f =>
        {
            string other = Path.Combine(actual, Path.GetFileName(f));
            if (!File.Exists(other)) throw new EdgeMLException($"{Path.GetFileName(f)} is in {expected} but not in {actual}");
            return (Path.GetFileName(f), f, other);
        }).ToList();
    }
}
