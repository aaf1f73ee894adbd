using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Model;

/// <summary>A dimension as declared: a fixed size, or a named symbol (Size = -1) bound at run time.</summary>
public readonly record struct Dimension(long Size, string? Symbol = null)
{
    public bool IsFixed => Size >= 0;
    public override string ToString() => IsFixed ? Size.ToString(System.Globalization.CultureInfo.InvariantCulture) : (Symbol ?? "?");
}

/// <summary>Per-axis or per-tensor quantisation parameters carried with a tensor (for later passes).</summary>
public sealed class QuantizationInfo
{
    public required float[] Scales { get; init; }
    public required long[] ZeroPoints { get; init; }
    public int Axis { get; init; }
}

/// <summary>One value of the model: its declared type and shape, and for constants, the data.</summary>
public sealed class ValueDefinition
{
    public required string Name { get; init; }
    public ValueKind Kind { get; set; }
    public DataType Type { get; set; }
    /// <summary>Declared shape; null when the rank is unknown.</summary>
    public Dimension[]? Shape { get; set; }
    public ConstantTensor? Constant { get; set; }
    public QuantizationInfo? Quantization { get; set; }

    public string ShapeText => Shape == null ? "[?]" : "[" + string.Join(",", Shape.Select(d => d.ToString())) + "]";
}
