namespace EdgeML.Compiler;

/// <summary>How to compile: sizes for symbolic dimensions, what to fold, and what to carry into
/// the .edgeml file.</summary>
public sealed class CompileOptions
{
    /// <summary>Values for symbolic dimensions (--dim NAME=VALUE). The memory plan is made for these;
    /// symbols not given are planned as 1, and larger shapes at run time get buffers of their own.</summary>
    public Dictionary<string, long> Dims { get; init; } = new();

    public bool FoldConstants { get; init; } = true;

    /// <summary>Runs the optimising passes (folding BatchNormalization into convolutions, fusing
    /// activations, prepacking weights). Off, the model keeps its ONNX operators: tests of single
    /// kernels use that.</summary>
    public bool Optimize { get; init; } = true;

    /// <summary>A folded constant may be at most this many times the size of the constants it came
    /// from (and at least 4 KiB is always allowed), so folding never inflates the file.</summary>
    public long FoldGrowthLimit { get; init; } = 4;

    /// <summary>Free key/values stored in the Metadata section (labels, thresholds, ...).</summary>
    public Dictionary<string, string> Metadata { get; init; } = new();

    /// <summary>Extension sections (kind at least 16) stored as given.</summary>
    public Dictionary<uint, byte[]> ExtraSections { get; init; } = new();
}
