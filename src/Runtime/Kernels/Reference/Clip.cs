using System.Numerics;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// Clip: min(max(x, lo), hi), so hi wins when lo &gt; hi and NaN passes through. Opset 1 and 6 take
/// the bounds as float attributes <c>min</c> and <c>max</c>; from 11 they are optional scalar inputs
/// 1 and 2 of x's type. A missing bound does not clip.
/// </summary>
public sealed class Clip : Kernel
{
    private readonly bool _fromAttributes;
    private readonly float? _minAttribute;
    private readonly float? _maxAttribute;

    private Clip(bool fromAttributes, float? min, float? max)
    {
        _fromAttributes = fromAttributes;
        _minAttribute = min;
        _maxAttribute = max;
    }

    public static Kernel Create(KernelInfo info)
    {
        if (info.Version >= 11) return new Clip(false, null, null);
        float? min = info.Attributes.Has("min") ? info.Attributes.GetFloat("min", 0) : null;
        float? max = info.Attributes.Has("max") ? info.Attributes.GetFloat("max", 0) : null;
        return new Clip(true, min, max);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        y.Allocate(x.Type, x.Shape);
        switch (x.Type)
        {
            case DataType.Float: Run<float>(context, x, y); break;
            case DataType.Double: Run<double>(context, x, y); break;
            case DataType.Float16: Run<Half>(context, x, y); break;
            case DataType.Int8: Run<sbyte>(context, x, y); break;
            case DataType.Int16: Run<short>(context, x, y); break;
            case DataType.Int32: Run<int>(context, x, y); break;
            case DataType.Int64: Run<long>(context, x, y); break;
            case DataType.UInt8: Run<byte>(context, x, y); break;
            case DataType.UInt16: Run<ushort>(context, x, y); break;
            case DataType.UInt32: Run<uint>(context, x, y); break;
            case DataType.UInt64: Run<ulong>(context, x, y); break;
            case DataType.BFloat16: RunBFloat16(context, x, y); break;
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }

    private void Run<T>(KernelContext context, Tensor x, Tensor y) where T : unmanaged, INumber<T>
    {
        bool hasMin, hasMax;
        T min, max;
        if (_fromAttributes)
        {
            hasMin = _minAttribute.HasValue;
            hasMax = _maxAttribute.HasValue;
            min = T.CreateSaturating(_minAttribute.GetValueOrDefault());
            max = T.CreateSaturating(_maxAttribute.GetValueOrDefault());
        }
        else
        {
            hasMin = BoundInput(context, 1, x.Type, out min);
            hasMax = BoundInput(context, 2, x.Type, out max);
        }
        var s = x.ReadOnlySpan<T>();
        var d = y.Span<T>();
        for (int i = 0; i < d.Length; i++)
        {
            T v = s[i];
            if (hasMin && v < min) v = min;
            if (hasMax && v > max) v = max;
            d[i] = v;
        }
    }

    private void RunBFloat16(KernelContext context, Tensor x, Tensor y)
    {
        bool hasMin, hasMax;
        ushort minBits, maxBits;
        if (_fromAttributes)
        {
            hasMin = _minAttribute.HasValue;
            hasMax = _maxAttribute.HasValue;
            minBits = BFloat16.FromSingle(_minAttribute.GetValueOrDefault());
            maxBits = BFloat16.FromSingle(_maxAttribute.GetValueOrDefault());
        }
        else
        {
            hasMin = BoundInput(context, 1, x.Type, out minBits);
            hasMax = BoundInput(context, 2, x.Type, out maxBits);
        }
        float min = BFloat16.ToSingle(minBits), max = BFloat16.ToSingle(maxBits);
        var s = x.ReadOnlySpan<ushort>();
        var d = y.Span<ushort>();
        for (int i = 0; i < d.Length; i++)
        {
            float v = BFloat16.ToSingle(s[i]);
            ushort r = s[i];
            if (hasMin && v < min) { r = minBits; v = min; }
            if (hasMax && v > max) r = maxBits;
            d[i] = r;
        }
    }

    /// <summary>The bound given as input <paramref name="input"/> (opset 11+); false when it is omitted.</summary>
    private static bool BoundInput<T>(KernelContext context, int input, DataType type, out T value) where T : unmanaged
    {
        value = default;
        var t = context.OptionalInput(input);
        if (t == null) return false;
        if (t.Type != type) throw context.Error($"bound {input} is {DataTypeInfo.Name(t.Type)}, x is {DataTypeInfo.Name(type)}");
        if (t.Length != 1) throw context.Error($"bound {input} must hold one value, not {t.Length}");
        value = t.ReadOnlySpan<T>()[0];
        return true;
    }
}
