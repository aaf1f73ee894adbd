using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// Attention (opsets 23 and 24): scaled dot-product attention, softmax(Q·Kᵀ · scale + bias) · V,
/// over 4-D [batch, heads, sequence, head_size] or 3-D [batch, sequence, heads · head_size]
/// inputs (q_num_heads, kv_num_heads), with grouped and multi-query heads (query head h reads
/// key/value head h / (q_heads / kv_heads)). past_key / past_value are concatenated in front of K
/// and V (present_key / present_value). The bias combines the attention mask (bool: false
/// excludes; float: added; a shorter last axis is padded with −∞), is_causal (query i sees key
/// j ≤ i + offset, offset = past length, or nonpad_kv_seqlen − q length per batch) and
/// nonpad_kv_seqlen (keys at or past it excluded). softcap applies c · tanh(s / c) before the
/// bias. A fully masked row gives zeros. qk_matmul_output is the scores after the scale (mode 0),
/// softcap (1), bias (2) or softmax (3). float16 and bfloat16 are computed in float32.
/// </summary>
public sealed class Attention : Kernel
{
    private readonly bool _causal;
    private readonly long _qHeads, _kvHeads, _qkMode;
    private readonly float? _scale;
    private readonly float _softcap;
    private readonly ScratchBuffer _keys = new(), _values = new(), _scores = new(), _mask = new(), _y = new(), _qk = new();
    private int[] _maskRows = [], _maskCols = [];
    private float[]? _q, _k, _v, _pastKey, _pastValue, _presentKey, _presentValue, _maskStage;

    private Attention(bool causal, long qHeads, long kvHeads, long qkMode, float? scale, float softcap)
    {
        _causal = causal;
        _qHeads = qHeads;
        _kvHeads = kvHeads;
        _qkMode = qkMode;
        _scale = scale;
        _softcap = softcap;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        long mode = a.GetInt("qk_matmul_output_mode", 0);
        if (mode is < 0 or > 3) throw info.Error($"qk_matmul_output_mode {mode} must be 0 to 3");
        return new Attention(a.GetInt("is_causal", 0) != 0, a.GetInt("q_num_heads", 0), a.GetInt("kv_num_heads", 0), mode,
            a.Has("scale") ? a.GetFloat("scale", 1) : null, a.GetFloat("softcap", 0));
    }

    /// <summary>The sizes of one run.</summary>
    private readonly record struct Dims(int Batch, int QHeads, int KvHeads, int QLength, int KvLength, int Past, int HeadSize, int VHeadSize, bool ThreeD, int MaskLength)
    {
        public int Total => Past + KvLength;
    }

    public override void Execute(KernelContext context)
    {
        var q = context.Input(0);
        var k = context.Input(1);
        var v = context.Input(2);
        var mask = context.OptionalInput(3);
        var pastKey = context.OptionalInput(4);
        var pastValue = context.OptionalInput(5);
        var nonpad = context.OptionalInput(6);
        var y = context.Output(0);
        var presentKey = context.OptionalOutput(1);
        var presentValue = context.OptionalOutput(2);
        var qkOut = context.OptionalOutput(3);
        if (q.Rank != k.Rank || q.Rank != v.Rank || q.Rank is not (3 or 4)) throw context.Error("Q, K and V must all be 3-D or all 4-D");
        if (k.Type != q.Type || v.Type != q.Type) throw context.Error("Q, K and V must have the same element type");
        if ((pastKey == null) != (pastValue == null)) throw context.Error("past_key and past_value must be given together");
        bool threeD = q.Rank == 3;
        int batch = (int)q.Dim(0), qHeads, kvHeads, qLength, kvLength, headSize, vHeadSize;
        if (threeD)
        {
            if (_qHeads < 1 || _kvHeads < 1) throw context.Error("3-D inputs need the q_num_heads and kv_num_heads attributes");
            qHeads = (int)_qHeads;
            kvHeads = (int)_kvHeads;
            qLength = (int)q.Dim(1);
            kvLength = (int)k.Dim(1);
            if (q.Dim(2) % qHeads != 0 || k.Dim(2) % kvHeads != 0 || v.Dim(2) % kvHeads != 0) throw context.Error("hidden sizes must be multiples of the head counts");
            headSize = (int)(q.Dim(2) / qHeads);
            vHeadSize = (int)(v.Dim(2) / kvHeads);
            if (k.Dim(2) / kvHeads != headSize) throw context.Error("Q and K head sizes differ");
        }
        else
        {
            qHeads = (int)q.Dim(1);
            kvHeads = (int)k.Dim(1);
            qLength = (int)q.Dim(2);
            kvLength = (int)k.Dim(2);
            headSize = (int)q.Dim(3);
            vHeadSize = (int)v.Dim(3);
            if (k.Dim(3) != headSize || v.Dim(1) != kvHeads) throw context.Error($"K {Tensor.ShapeText(k.Shape)} and V {Tensor.ShapeText(v.Shape)} do not match Q {Tensor.ShapeText(q.Shape)}");
        }
        if (k.Dim(0) != batch || v.Dim(0) != batch || (threeD ? v.Dim(1) : v.Dim(2)) != kvLength) throw context.Error("K and V must have Q's batch and the same sequence length");
        if (kvHeads < 1 || qHeads % kvHeads != 0) throw context.Error($"q_num_heads {qHeads} must be a multiple of kv_num_heads {kvHeads}");
        int past = 0;
        if (pastKey != null)
        {
            past = (int)pastKey.Dim(2);
            if (pastKey.Rank != 4 || pastKey.Dim(0) != batch || pastKey.Dim(1) != kvHeads || pastKey.Dim(3) != headSize)
                throw context.Error($"past_key {Tensor.ShapeText(pastKey.Shape)} must be [{batch}, {kvHeads}, past, {headSize}]");
            if (pastValue!.Rank != 4 || pastValue.Dim(0) != batch || pastValue.Dim(1) != kvHeads || pastValue.Dim(2) != past || pastValue.Dim(3) != vHeadSize)
                throw context.Error($"past_value {Tensor.ShapeText(pastValue.Shape)} must be [{batch}, {kvHeads}, {past}, {vHeadSize}]");
        }
        if (nonpad != null && (nonpad.Length != batch || nonpad.Type != DataType.Int64)) throw context.Error($"nonpad_kv_seqlen must be int64 [{batch}]");
        int total = past + kvLength;
        int maskLength = mask == null ? total : (int)mask.Dim(mask.Rank - 1);
        if (mask != null)
        {
            if (mask.Rank < 1 || maskLength > total) throw context.Error($"attn_mask {Tensor.ShapeText(mask.Shape)} is longer than the {total} keys");
            Span<long> target = [batch, qHeads, qLength, maskLength];
            if (_maskRows.Length < batch * qHeads) _maskRows = new int[batch * qHeads];
            if (_maskCols.Length < qLength * maskLength) _maskCols = new int[qLength * maskLength];
            BroadcastOffsets.Fill(mask.Shape, target, 0, 2, _maskRows, "attn_mask");
            BroadcastOffsets.Fill(mask.Shape, target, 2, 4, _maskCols, "attn_mask");
        }
        var d = new Dims(batch, qHeads, kvHeads, qLength, kvLength, past, headSize, vHeadSize, threeD, maskLength);
        // The mask as an additive float bias: bool false is −∞.
        ReadOnlySpan<float> bias = default;
        if (mask != null)
        {
            var m = _mask.Get<float>(mask.Length);
            if (mask.Type == DataType.Bool)
            {
                var b = mask.ReadOnlySpan<byte>();
                for (int i = 0; i < m.Length; i++) m[i] = b[i] != 0 ? 0f : float.NegativeInfinity;
            }
            else if (DataTypeInfo.IsFloat(mask.Type)) FloatStaging.ToFloat32(mask, ref _maskStage).CopyTo(m);
            else throw context.Error($"attn_mask of type {DataTypeInfo.Name(mask.Type)} is not supported (bool or float)");
            bias = m;
        }
        ReadOnlySpan<long> lengths = nonpad == null ? default : nonpad.ReadOnlySpan<long>();
        Span<long> yShape = threeD ? [batch, qLength, qHeads * vHeadSize] : [batch, qHeads, qLength, vHeadSize];
        y.Allocate(q.Type, yShape);
        Span<long> kShape = [batch, kvHeads, total, headSize], vShape = [batch, kvHeads, total, vHeadSize], qkShape = [batch, qHeads, qLength, total];
        presentKey?.Allocate(q.Type, kShape);
        presentValue?.Allocate(q.Type, vShape);
        qkOut?.Allocate(q.Type, qkShape);
        switch (q.Type)
        {
            case DataType.Float:
                Run(q.ReadOnlySpan<float>(), k.ReadOnlySpan<float>(), v.ReadOnlySpan<float>(), pastKey == null ? default : pastKey.ReadOnlySpan<float>(),
                    pastValue == null ? default : pastValue.ReadOnlySpan<float>(), bias, lengths, d, y.Span<float>(),
                    presentKey == null ? default : presentKey.Span<float>(), presentValue == null ? default : presentValue.Span<float>(), qkOut == null ? default : qkOut.Span<float>());
                break;
            case DataType.Double:
                Run(q.ReadOnlySpan<double>(), k.ReadOnlySpan<double>(), v.ReadOnlySpan<double>(), pastKey == null ? default : pastKey.ReadOnlySpan<double>(),
                    pastValue == null ? default : pastValue.ReadOnlySpan<double>(), bias, lengths, d, y.Span<double>(),
                    presentKey == null ? default : presentKey.Span<double>(), presentValue == null ? default : presentValue.Span<double>(), qkOut == null ? default : qkOut.Span<double>());
                break;
            case DataType.Float16:
            case DataType.BFloat16:
            {
                var ys = _y.Get<float>(y.Length);
                var pks = presentKey == null ? default : FloatStaging.Scratch(ref _presentKey, presentKey.Length);
                var pvs = presentValue == null ? default : FloatStaging.Scratch(ref _presentValue, presentValue.Length);
                var qks = qkOut == null ? default : _qk.Get<float>(qkOut.Length);
                Run(FloatStaging.Widen(q, ref _q), FloatStaging.Widen(k, ref _k), FloatStaging.Widen(v, ref _v),
                    pastKey == null ? default : FloatStaging.Widen(pastKey, ref _pastKey), pastValue == null ? default : FloatStaging.Widen(pastValue, ref _pastValue),
                    bias, lengths, d, ys, pks, pvs, qks);
                FloatStaging.Narrow(ys, y);
                if (presentKey != null) FloatStaging.Narrow(pks, presentKey);
                if (presentValue != null) FloatStaging.Narrow(pvs, presentValue);
                if (qkOut != null) FloatStaging.Narrow(qks, qkOut);
                break;
            }
            default: throw context.Error($"element type {DataTypeInfo.Name(q.Type)} is not supported");
        }
    }

    private void Run<T>(ReadOnlySpan<T> q, ReadOnlySpan<T> k, ReadOnlySpan<T> v, ReadOnlySpan<T> pastKey, ReadOnlySpan<T> pastValue,
        ReadOnlySpan<float> mask, ReadOnlySpan<long> nonpad, Dims d, Span<T> y, Span<T> presentKey, Span<T> presentValue, Span<T> qk)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int total = d.Total;
        // The whole keys and values, [batch, kv_heads, total, size]: past then the new tokens.
        var keys = _keys.Get<T>((long)d.Batch * d.KvHeads * total * d.HeadSize);
        var values = _values.Get<T>((long)d.Batch * d.KvHeads * total * d.VHeadSize);
        Concatenate(pastKey, k, keys, d, d.HeadSize);
        Concatenate(pastValue, v, values, d, d.VHeadSize);
        if (!presentKey.IsEmpty) keys.CopyTo(presentKey);
        if (!presentValue.IsEmpty) values.CopyTo(presentValue);
        var scores = _scores.Get<T>(total);
        T scale = T.CreateChecked(_scale ?? 1 / Math.Sqrt(d.HeadSize));
        T softcap = T.CreateChecked(_softcap);
        int group = d.QHeads / d.KvHeads;
        for (int b = 0; b < d.Batch; b++)
        {
            int valid = nonpad.IsEmpty ? total : (int)Math.Clamp(nonpad[b], 0, total);
            int offset = d.Past > 0 || nonpad.IsEmpty ? d.Past : valid - d.QLength;
            for (int h = 0; h < d.QHeads; h++)
            {
                int kvHead = h / group;
                var headKeys = keys.Slice((b * d.KvHeads + kvHead) * total * d.HeadSize, total * d.HeadSize);
                var headValues = values.Slice((b * d.KvHeads + kvHead) * total * d.VHeadSize, total * d.VHeadSize);
                for (int i = 0; i < d.QLength; i++)
                {
                    var qRow = d.ThreeD ? q.Slice((b * d.QLength + i) * d.QHeads * d.HeadSize + h * d.HeadSize, d.HeadSize)
                                        : q.Slice(((b * d.QHeads + h) * d.QLength + i) * d.HeadSize, d.HeadSize);
                    var qkRow = qk.IsEmpty ? default : qk.Slice(((b * d.QHeads + h) * d.QLength + i) * total, total);
                    for (int j = 0; j < total; j++)
                    {
                        var kRow = headKeys.Slice(j * d.HeadSize, d.HeadSize);
                        T dot = T.Zero;
                        for (int e = 0; e < d.HeadSize; e++) dot += qRow[e] * kRow[e];
                        scores[j] = dot * scale;
                    }
                    if (_qkMode == 0 && !qkRow.IsEmpty) scores.CopyTo(qkRow);
                    if (_softcap > 0)
                        for (int j = 0; j < total; j++) scores[j] = softcap * T.Tanh(scores[j] / softcap);
                    if (_qkMode == 1 && !qkRow.IsEmpty) scores.CopyTo(qkRow);
                    int maskRow = mask.IsEmpty ? 0 : _maskRows[b * d.QHeads + h];
                    for (int j = 0; j < total; j++)
                    {
                        bool excluded = j >= valid || (_causal && j > i + offset);
                        if (!mask.IsEmpty)
                        {
                            if (j >= d.MaskLength) excluded = true;
                            else scores[j] += T.CreateChecked(mask[maskRow + _maskCols[i * d.MaskLength + j]]);
                        }
                        if (excluded) scores[j] = T.NegativeInfinity;
                    }
                    if (_qkMode == 2 && !qkRow.IsEmpty) scores.CopyTo(qkRow);
                    SoftmaxLoops.SoftmaxRow(scores);
                    if (_qkMode == 3 && !qkRow.IsEmpty) scores.CopyTo(qkRow);
                    var yRow = d.ThreeD ? y.Slice((b * d.QLength + i) * d.QHeads * d.VHeadSize + h * d.VHeadSize, d.VHeadSize)
                                        : y.Slice(((b * d.QHeads + h) * d.QLength + i) * d.VHeadSize, d.VHeadSize);
                    yRow.Clear();
                    for (int j = 0; j < total; j++)
                    {
                        T p = scores[j];
                        var vRow = headValues.Slice(j * d.VHeadSize, d.VHeadSize);
                        for (int e = 0; e < d.VHeadSize; e++) yRow[e] += p * vRow[e];
                    }
                }
            }
        }
    }

    /// <summary>Writes past (4-D) then the new tokens (3-D or 4-D) into [batch, kv_heads, total, size].</summary>
    private static void Concatenate<T>(ReadOnlySpan<T> past, ReadOnlySpan<T> current, Span<T> destination, Dims d, int size) where T : unmanaged
    {
        int total = d.Total;
        for (int b = 0; b < d.Batch; b++)
        {
            for (int h = 0; h < d.KvHeads; h++)
            {
                var head = destination.Slice((b * d.KvHeads + h) * total * size, total * size);
                if (d.Past > 0) past.Slice((b * d.KvHeads + h) * d.Past * size, d.Past * size).CopyTo(head);
                for (int s = 0; s < d.KvLength; s++)
                {
                    var source = d.ThreeD ? current.Slice((b * d.KvLength + s) * d.KvHeads * size + h * size, size)
                                          : current.Slice(((b * d.KvHeads + h) * d.KvLength + s) * size, size);
                    source.CopyTo(head.Slice((d.Past + s) * size, size));
                }
            }
        }
    }
}
