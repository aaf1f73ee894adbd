using System.CommandLine;

namespace EdgeML.Device;

/// <summary>The options every model-running command takes, with the host CLI's names and meanings.</summary>
public static class DeviceOptions
{
    public static Argument<string> Model() => new("model") { Description = "A .edgeml file (compile ONNX with `edgeml compile` on the host)" };

    public static Option<string?> InputsDir() => new("--inputs")
    {
        Description = "Folder with one NAME.npy per input (characters outside A-Za-z0-9_.- in NAME become _); missing inputs are random",
    };

    public static Option<string[]> Input() => new("--input") { Description = "One input, NAME=FILE.npy (repeatable)", Arity = ArgumentArity.ZeroOrMore };

    public static Option<string[]> Dims() => new("--dim") { Description = "Size of a symbolic dimension, NAME=VALUE (repeatable)", Arity = ArgumentArity.ZeroOrMore };

    public static Option<int> Threads() => new("--threads") { Description = "Intra-op threads (1: the calling thread only)", DefaultValueFactory = _ => 1 };

    public static Option<long> MaxTensorBytes() => new("--max-tensor-bytes")
    {
        Description = "Fail with an error instead of allocating a value larger than this (0: no limit)",
        DefaultValueFactory = _ => 0,
    };

    public static Option<string?> Json() => new("--json") { Description = "Also write the figures as JSON to this file" };
}
