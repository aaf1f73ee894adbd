using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>TopK: the k largest (or, with largest=0, smallest) elements along an axis and their
/// indices. Equal values keep their input order (the lower index first), as ONNX specifies; NaN
/// counts as larger than every number. Opset 1 takes k as an attribute, 10 on as an input; 11 on
/// adds 'largest' and 'sorted' (the output is always sorted, which 'sorted=0' allows).</summary>
public sealed class TopK : Kernel
{
    private readonly long _axis;
    private readonly long _kAttribute;
    private readonly bool _largest;
    private int[] _order = [];
    private int[] _scratch = [];

    private TopK(long axis, long kAttribute, bool largest)
    {
        _axis = axis;
        _kAttribute = kAttribute;
        _largest = largest;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        long k = -1;
        if (info.Version < 10) k = a.Find("k")?.Int ?? throw info.Error("attribute 'k' is required");
        return new TopK(a.GetInt("axis", -1), k, a.GetInt("largest", 1) != 0);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var values = context.Output(0);
        var indices = context.OptionalOutput(1);
        if (x.Rank == 0) throw context.Error("input must have rank 1 or more");
        int axis = KernelHelpers.NormalizeAxis(_axis, x.Rank);
        long k = _kAttribute >= 0 ? _kAttribute : KernelHelpers.ReadInt64Scalar(context.Input(1));
        long dim = x.Dim(axis);
        if (k < 0 || k > dim) throw context.Error($"k {k} is outside [0, {dim}] for axis {axis}");
        Span<long> shape = stackalloc long[x.Rank];
        x.Shape.CopyTo(shape);
        shape[axis] = k;
        values.Allocate(x.Type, shape);
        indices?.Allocate(DataType.Int64, shape);
        switch (x.Type)
        {
            case DataType.Float: Run(new NumberOrder<float>(x), x, axis, k, values, indices); break;
            case DataType.Double: Run(new NumberOrder<double>(x), x, axis, k, values, indices); break;
            case DataType.Float16: Run(new NumberOrder<Half>(x), x, axis, k, values, indices); break;
            case DataType.BFloat16: Run(new BFloat16Order(x), x, axis, k, values, indices); break;
            case DataType.Int8: Run(new NumberOrder<sbyte>(x), x, axis, k, values, indices); break;
            case DataType.Int16: Run(new NumberOrder<short>(x), x, axis, k, values, indices); break;
            case DataType.Int32: Run(new NumberOrder<int>(x), x, axis, k, values, indices); break;
            case DataType.Int64: Run(new NumberOrder<long>(x), x, axis, k, values, indices); break;
            case DataType.UInt8: Run(new NumberOrder<byte>(x), x, axis, k, values, indices); break;
            case DataType.UInt16: Run(new NumberOrder<ushort>(x), x, axis, k, values, indices); break;
            case DataType.UInt32: Run(new NumberOrder<uint>(x), x, axis, k, values, indices); break;
            case DataType.UInt64: Run(new NumberOrder<ulong>(x), x, axis, k, values, indices); break;
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }

    private void Run<TOrder>(TOrder order, Tensor x, int axis, long k, Tensor values, Tensor? indices) where TOrder : struct, IElementOrder
    {
        long dim = x.Dim(axis);
        long outer = KernelHelpers.Product(x.Shape, 0, axis);
        long inner = KernelHelpers.Product(x.Shape, axis + 1, x.Rank);
        var ids = Scratch.Ensure(ref _order, dim);
        var scratch = Scratch.Ensure(ref _scratch, dim);
        var comparer = new Comparer<TOrder> { Order = order, Stride = inner, Largest = _largest };
        for (long o = 0; o < outer; o++)
        {
            for (long i = 0; i < inner; i++)
            {
                comparer.Base = o * dim * inner + i;
                for (int j = 0; j < dim; j++) ids[j] = j;
                StableSort.Sort(ids, scratch, ref comparer);
                for (int j = 0; j < k; j++)
                {
                    long target = (o * k + j) * inner + i;
                    ElementCopy.Copy(x, comparer.Base + ids[j] * inner, values, target, 1);
                    if (indices != null) indices.Span<long>()[(int)target] = ids[j];
                }
            }
        }
    }

    private struct Comparer<TOrder> : IIdComparer where TOrder : struct, IElementOrder
    {
        public TOrder Order;
        public long Base, Stride;
        public bool Largest;

        public readonly int Compare(int a, int b)
        {
            int c = Order.Compare(Base + a * Stride, Base + b * Stride);
            if (Largest) c = -c;
            return c != 0 ? c : a.CompareTo(b);
        }
    }
}
