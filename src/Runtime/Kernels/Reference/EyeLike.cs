using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>EyeLike: a 2-D tensor of the input's shape with ones on diagonal k (k &gt; 0 above the
/// main diagonal) and zeros elsewhere, of type 'dtype' (default: the input's type).</summary>
public sealed class EyeLike : Kernel
{
    private readonly DataType _dtype;
    private readonly long _k;

    private EyeLike(DataType dtype, long k)
    {
        _dtype = dtype;
        _k = k;
    }

    public static Kernel Create(KernelInfo info)
    {
        var dtype = (DataType)info.Attributes.GetInt("dtype", 0);
        if (dtype != DataType.Undefined && !Numbers.IsNumeric(dtype)) throw info.Error($"dtype {DataTypeInfo.Name(dtype)} is not supported");
        return new EyeLike(dtype, info.Attributes.GetInt("k", 0));
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        if (x.Rank != 2) throw context.Error($"input must be 2-D, not rank {x.Rank}");
        var type = _dtype == DataType.Undefined ? x.Type : _dtype;
        if (!Numbers.IsNumeric(type)) throw context.Error($"element type {DataTypeInfo.Name(type)} is not supported");
        y.Allocate(type, x.Shape);
        y.Bytes.Clear();
        long rows = x.Dim(0), cols = x.Dim(1);
        for (long i = 0; i < rows; i++)
        {
            long j = i + _k;
            if (j >= 0 && j < cols) Numbers.Set(y, i * cols + j, 1);
        }
    }
}
