using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>Small pieces the subgraph and sequence operators (If, Loop, Scan, SequenceMap, the
/// sequence and optional operators) share: scalar inputs and outputs and the declared types and
/// shapes of subgraph values. None allocates.</summary>
public static class SubgraphValues
{
    /// <summary>Makes <paramref name="t"/> an int64 scalar.</summary>
    public static void SetInt64(Tensor t, long value)
    {
        t.Allocate(DataType.Int64, []);
        t.Span<long>()[0] = value;
    }

    /// <summary>Makes <paramref name="t"/> a bool scalar.</summary>
    public static void SetBool(Tensor t, bool value)
    {
        t.Allocate(DataType.Bool, []);
        t.Span<byte>()[0] = value ? (byte)1 : (byte)0;
    }

    /// <summary>Reads a one-element bool tensor.</summary>
    public static bool ReadBool(Tensor t, string what)
    {
        if (t.Kind != ValueKind.Tensor || t.Type != DataType.Bool || t.Length != 1)
            throw new EdgeMLException($"{what} must be a one-element bool tensor");
        return t.ReadOnlySpan<byte>()[0] != 0;
    }

    /// <summary>Writes the declared shape of value <paramref name="value"/> into <paramref name="dims"/>
    /// and returns its rank, or -1 when the rank or a dimension is not known.</summary>
    public static int DeclaredShape(ModelDefinition model, int value, Span<long> dims)
    {
        var shape = model.Values[value].Shape;
        if (shape == null || shape.Length > dims.Length) return -1;
        for (int i = 0; i < shape.Length; i++)
        {
            if (!shape[i].IsFixed) return -1;
            dims[i] = shape[i].Size;
        }
        return shape.Length;
    }

    /// <summary>The element type a model value is declared with; float32 when it is not known.</summary>
    public static DataType DeclaredType(ModelDefinition model, int value)
    {
        var type = model.Values[value].Type;
        return type == DataType.Undefined ? DataType.Float : type;
    }
}
