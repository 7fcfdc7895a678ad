package vn.parsipas.helm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;

/** What the operator reads after `helm install` (NOTES.txt), from a client-side dry-run install. */
class NotesTest {

    @Test
    void notesNameTheSecretsToCreateAndWhereTheServicesAnswer() {
        String notes = install(new Helm(Chart.DIR).install().withValuesFile(Chart.PRODUCTION_VALUES)
                .setFile("keycloak.realmImport.json", Chart.TEST_REALM));

        assertThat(notes).contains("task-db-app (keys username, password)",
                "keycloak-client-notification-service (key client-secret)",
                "parsipas-smtp (keys username, password)",
                "parsipas-cluster-ca-cert (key ca.crt)",
                "registry-daklak (type kubernetes.io/dockerconfigjson): pulls the images from registry.daklak.gov.vn",
                "indicator-db-ca (key ca.crt): the CA of indicator-service's PostgreSQL server",
                "kubectl -n parsipas get kafkatopics",
                "kubectl -n parsipas get kafkausers",
                "https://parsipas.daklak.gov.vn/task/api/v1/",
                "citizen survey form: https://parsipas.daklak.gov.vn/survey/khao-sat");
    }

    @Test
    void withDefaultValuesTheServicesCreateTheirTopics() {
        String notes = install(new Helm(Chart.DIR).install());

        assertThat(notes).contains("parsipas-task-db (keys username, password)",
                "The services create missing Kafka topics at start",
                "https://parsipas.local/indicator/api/v1/");
    }

    private static String install(InstallCommand command) {
        return command.withName(Chart.RELEASE).withNamespace(Chart.NAMESPACE).withKubeVersion(Chart.KUBE_VERSION)
                .clientOnly().dryRun().call().getOutput();
    }
}
