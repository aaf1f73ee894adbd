using System.CommandLine;
using System.Globalization;
using EdgeML.Runtime;

namespace EdgeML.Cli;

/// <summary>Options shared by the commands that run models (--inputs, --input, --dim) and print
/// figures (--json).</summary>
public static class CommonOptions
{
    public static Option<string[]> Dims() => new("--dim")
    {
        Description = "Size of a symbolic dimension, NAME=VALUE (repeatable)",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string?> InputsDir() => new("--inputs")
    {
        Description = "Folder with one NAME.npy per input (characters outside A-Za-z0-9_.- in NAME become _); missing inputs are random",
    };

    public static Option<string[]> Input() => new("--input")
    {
        Description = "One input, NAME=FILE.npy (repeatable)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static Option<string?> Json() => new("--json")
    {
        Description = "Also write the figures as JSON to this file",
    };

    public static Dictionary<string, long> ParseDims(IEnumerable<string>? values)
    {
        var dims = new Dictionary<string, long>();
        foreach (var v in values ?? [])
        {
            int eq = v.IndexOf('=');
            if (eq <= 0 || !long.TryParse(v[(eq + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out long size) || size < 0)
                throw new EdgeMLException($"bad --dim '{v}': expected NAME=VALUE with a non-negative integer VALUE");
            dims[v[..eq]] = size;
        }
        return dims;
    }

    public static Dictionary<string, string> ParseInputFiles(IEnumerable<string>? values)
    {
        var files = new Dictionary<string, string>();
        foreach (var v in values ?? [])
        {
            int eq = v.IndexOf('=');
            if (eq <= 0 || eq == v.Length - 1) throw new EdgeMLException($"bad --input '{v}': expected NAME=FILE.npy");
            files[v[..eq]] = v[(eq + 1)..];
        }
        return files;
    }
}
