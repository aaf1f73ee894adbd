using System.CommandLine;
using EdgeML.Runtime.IO;

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

    public static Dictionary<string, long> ParseDims(IEnumerable<string>? values) => InputFeeder.ParseDims(values);

    public static Dictionary<string, string> ParseInputFiles(IEnumerable<string>? values) => InputFeeder.ParseInputFiles(values);
}
