using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>Reading index tensors (int32 or int64) element by element, for the gather and scatter kernels.</summary>
public static class Indexing
{
    /// <summary>Element <paramref name="i"/> of an int32 or int64 tensor.</summary>
    public static long Read(Tensor indices, long i) => indices.Type switch
    {
        DataType.Int64 => indices.ReadOnlySpan<long>()[(int)i],
        DataType.Int32 => indices.ReadOnlySpan<int>()[(int)i],
        _ => throw new EdgeMLException($"'{indices.Name}' must be int32 or int64, not {DataTypeInfo.Name(indices.Type)}"),
    };

    /// <summary>Maps an index in [-dim, dim) to [0, dim); throws naming the axis otherwise.</summary>
    public static long Normalize(long index, long dim, int axis)
    {
        if (index < -dim || index >= dim) throw new EdgeMLException($"index {index} is out of range [{-dim}, {dim - 1}] on axis {axis}");
        return index < 0 ? index + dim : index;
    }
}
