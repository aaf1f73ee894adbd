using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Reshape: the same elements under a new shape. A 0 in the shape copies the input's
/// dimension (unless allowzero, opset 14+, where 0 means an empty dimension); one -1 is inferred.
/// Opset 1 takes the shape as an attribute, later opsets as the second input.</summary>
public sealed class Reshape : Kernel
{
    private readonly bool _allowZero;
    private readonly long[]? _shapeAttribute;

    private Reshape(bool allowZero, long[]? shapeAttribute)
    {
        _allowZero = allowZero;
        _shapeAttribute = shapeAttribute;
    }

    public static Kernel Create(KernelInfo info)
    {
        long[]? shape = info.Version < 5 ? info.Attributes.GetIntsOrNull("shape") : null;
        if (info.Version < 5 && shape == null) throw info.Error("attribute 'shape' is required");
        return new Reshape(info.Attributes.GetInt("allowzero", 0) != 0, shape);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        Span<long> shape = stackalloc long[Broadcast.MaxRank];
        int rank;
        if (_shapeAttribute != null)
        {
            if (_shapeAttribute.Length > shape.Length) throw context.Error($"shape has rank {_shapeAttribute.Length}; at most {Broadcast.MaxRank} is supported");
            _shapeAttribute.CopyTo(shape);
            rank = _shapeAttribute.Length;
        }
        else rank = KernelHelpers.ReadInt64s(context.Input(1), shape);
        shape = shape[..rank];
        Resolve(context, x.Shape, x.Length, shape, _allowZero);
        y.Allocate(x.Type, shape);
        ElementCopy.CopyAll(x, y);
    }

    /// <summary>Replaces 0 (copy) and -1 (infer) entries of <paramref name="shape"/> and checks the element count.</summary>
    internal static void Resolve(KernelContext context, ReadOnlySpan<long> input, long count, Span<long> shape, bool allowZero)
    {
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            long d = shape[i];
            if (d == 0 && !allowZero)
            {
                if (i >= input.Length) throw context.Error($"shape {Tensor.ShapeText(shape)} copies dimension {i} that the input {Tensor.ShapeText(input)} does not have");
                d = shape[i] = input[i];
            }
            if (d == -1)
            {
                if (inferred >= 0) throw context.Error($"shape {Tensor.ShapeText(shape)} has more than one -1");
                inferred = i;
                continue;
            }
            if (d < 0) throw context.Error($"shape {Tensor.ShapeText(shape)} has a negative dimension");
            known *= d;
        }
        if (inferred >= 0)
        {
            if (known == 0 || count % known != 0) throw context.Error($"cannot reshape {Tensor.ShapeText(input)} into {Tensor.ShapeText(shape)}");
            shape[inferred] = count / known;
        }
        else if (known != count) throw context.Error($"cannot reshape {Tensor.ShapeText(input)} ({count} elements) into {Tensor.ShapeText(shape)}");
    }
}
