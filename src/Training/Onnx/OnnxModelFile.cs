using EdgeML.Training.Onnx.Proto;
using Google.Protobuf;

namespace EdgeML.Training.Onnx;

/// <summary>Reads and writes ONNX model files; writes go to a temp file first so a crash never leaves half a model.</summary>
internal static class OnnxModelFile
{
    public static ModelProto Parse(byte[] bytes) => ModelProto.Parser.ParseFrom(bytes);

    public static byte[] Serialize(ModelProto model) => model.ToByteArray();

    public static void Write(ModelProto model, string path) => AtomicFile.WriteAllBytes(path, model.ToByteArray());
}
