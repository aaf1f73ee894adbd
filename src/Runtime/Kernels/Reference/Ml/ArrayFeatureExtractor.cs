using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference.Ml;

/// <summary>ai.onnx.ml ArrayFeatureExtractor (1): picks the elements at the int64 indices Y along
/// the last axis of X. A 1-D X gives [1, len(Y)] (as ONNX Runtime does).</summary>
public sealed class ArrayFeatureExtractor : Kernel
{
    public static Kernel Create(KernelInfo info) => new ArrayFeatureExtractor();

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var indicesTensor = context.Input(1);
        if (x.Rank == 0) throw context.Error("X must have at least one dimension");
        if (indicesTensor.Type != DataType.Int64) throw context.Error("the indices must be int64");
        var indices = indicesTensor.ReadOnlySpan<long>();
        int count = indices.Length;
        if (count == 0) throw context.Error("no indices given");
        long stride = x.Dim(x.Rank - 1);
        foreach (var i in indices)
            if (i < 0 || i >= stride) throw context.Error($"index {i} is out of range for a last dimension of {stride}");
        Span<long> shape = stackalloc long[Math.Max(x.Rank, 2)];
        int rank;
        if (x.Rank == 1)
        {
            shape[0] = 1;
            shape[1] = count;
            rank = 2;
        }
        else
        {
            x.Shape.CopyTo(shape);
            shape[x.Rank - 1] = count;
            rank = x.Rank;
        }
        var y = context.Output(0);
        y.Allocate(x.Type, shape[..rank]);
        int rows = stride == 0 ? 0 : (int)(x.Length / stride);
        switch (x.Type)
        {
            case DataType.String:
            {
                var s = x.Strings;
                var d = y.Strings;
                for (int r = 0; r < rows; r++)
                    for (int j = 0; j < count; j++) d[r * count + j] = s[(int)(r * stride + indices[j])];
                break;
            }
            case DataType.Float or DataType.Int32: Gather<int>(x, y, rows, (int)stride, indices); break;
            case DataType.Double or DataType.Int64: Gather<long>(x, y, rows, (int)stride, indices); break;
            default:
                throw context.Error($"input type {DataTypeInfo.Name(x.Type)} is not supported (float, double, int64, int32, string)");
        }
    }

    private static void Gather<T>(Tensor x, Tensor y, int rows, int stride, ReadOnlySpan<long> indices) where T : unmanaged
    {
        var s = x.ReadOnlySpan<T>();
        var d = y.Span<T>();
        int count = indices.Length;
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < count; j++) d[r * count + j] = s[r * stride + (int)indices[j]];
    }
}
