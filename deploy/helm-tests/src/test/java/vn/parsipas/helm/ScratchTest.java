package vn.parsipas.helm;
import org.junit.jupiter.api.Test;
class ScratchTest {
    @Test
    void show() throws Exception {
        System.out.println(Chart.lintStrict().getMessages());
        String out = new com.marcnuri.helm.Helm(Chart.DIR).template().withName("parsipas").withNamespace("parsipas").withKubeVersion("1.27.0")
            .set("kafka.strimzi.topics.enabled", true).set("kafka.strimzi.users.enabled", true).set("kafka.sasl.enabled", true).set("serviceMonitor.enabled", true).call();
        java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/render.yaml"), out);
    }
}
