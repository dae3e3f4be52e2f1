package example.samad;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * An agency's consumer of its Samad topic (samad.agency.&lt;code&gt;): reads each message once in effect,
 * however often Kafka delivers it, and acts through the agency API. Copy it and replace {@link #work}.
 *
 * <p>Settings (environment): KAFKA_BROKERS, KAFKA_USERNAME (agency-&lt;code&gt;), KAFKA_PASSWORD,
 * KAFKA_SECURITY_PROTOCOL (SASL_SSL; SASL_PLAINTEXT only for a local test broker), AGENCY_CODE,
 * GROUP_ID (must start with agency-&lt;code&gt;-), SAMAD_API_URL, SAMAD_API_TOKEN, PROCESSED_IDS_FILE.
 */
public final class AgencyConsumer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> env;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ProcessedIds processed;

  AgencyConsumer(Map<String, String> env) throws IOException {
    this.env = env;
    this.processed = new ProcessedIds(Path.of(setting("PROCESSED_IDS_FILE", "processed-event-ids.txt")));
  }

  public static void main(String[] args) throws Exception {
    new AgencyConsumer(System.getenv()).run();
  }

  private String setting(String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private String required(String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) throw new IllegalStateException(name + " is not set");
    return value;
  }

  private Properties kafkaProperties() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, required("KAFKA_BROKERS"));
    p.put(ConsumerConfig.GROUP_ID_CONFIG, required("GROUP_ID"));
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    // Samad writes the agency topics in transactions: never show a batch that was aborted and sent again.
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Offsets are committed after acting, so a crash redelivers; the processed ids make that harmless.
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put("security.protocol", setting("KAFKA_SECURITY_PROTOCOL", "SASL_SSL"));
    p.put("sasl.mechanism", "SCRAM-SHA-512");
    p.put(
        "sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
            + required("KAFKA_USERNAME")
            + "\" password=\""
            + required("KAFKA_PASSWORD")
            + "\";");
    return p;
  }

  void run() throws Exception {
    String topic = "samad.agency." + required("AGENCY_CODE").toLowerCase();
    AtomicBoolean stopping = new AtomicBoolean(false);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafkaProperties())) {
      Thread main = Thread.currentThread();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    stopping.set(true);
                    consumer.wakeup();
                    try {
                      main.join(10_000);
                    } catch (InterruptedException ignored) {
                      Thread.currentThread().interrupt();
                    }
                  }));
      consumer.subscribe(List.of(topic));
      System.out.println("listening " + topic);
      while (!stopping.get()) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
          handle(JSON.readTree(record.value()));
        }
        consumer.commitSync();
      }
    } catch (WakeupException expected) {
      // shutdown
    }
  }

  /** Acts on one message unless its eventId was acted on before (Kafka delivers at least once). */
  void handle(JsonNode message) throws IOException, InterruptedException {
    String eventId = message.path("eventId").asText();
    if (processed.contains(eventId)) {
      System.out.println("duplicate " + eventId);
      return;
    }
    work(message);
    // Remember it after acting: a crash in between acts again, so the work itself must tolerate that.
    processed.add(eventId);
    JsonNode data = message.path("data");
    System.out.println(
        "handled " + eventId + " " + message.path("eventType").asText() + " " + data.path("change").asText("-"));
  }

  /** What the agency does: here, fetch what it needs and answer at once. Replace with your own workflow. */
  void work(JsonNode message) throws IOException, InterruptedException {
    JsonNode data = message.path("data");
    String trackingCode = data.path("trackingCode").asText();
    switch (message.path("eventType").asText()) {
      case "samad.agency.request-assigned" -> {
        String purpose = URLEncoder.encode("پاسخ خودکار سامانهٔ نمونه", StandardCharsets.UTF_8);
        call("GET", "/api/agency/requests/" + trackingCode + "/details?purpose=" + purpose, null);
        call(
            "POST",
            "/api/agency/requests/" + trackingCode + "/answer",
            JSON.writeValueAsString(
                Map.of("outcome", "positive", "text", "کار در سامانهٔ دستگاه ثبت و انجام شد.")));
      }
      case "samad.agency.request-updated" -> {
        // personal_data_erased: delete whatever you fetched about the citizen; others: update your copy.
      }
      default -> System.out.println("unknown message type " + message.path("eventType").asText());
    }
  }

  private void call(String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(required("SAMAD_API_URL") + path))
            .header("Authorization", "Bearer " + required("SAMAD_API_TOKEN"))
            .timeout(Duration.ofSeconds(30));
    if (body == null) request.GET();
    else request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    System.out.println("api " + method + " " + path.replaceAll("\\?.*", "") + " " + response.statusCode());
    // 409: the request moved on meanwhile (answered from the agency's screens, closed, returned): nothing to do.
    if (response.statusCode() == 409) return;
    if (response.statusCode() >= 400) throw new IOException(method + " " + path + " answered " + response.statusCode());
  }

  /** The ids of messages already acted on, one a line in a file, so a restart remembers them. */
  static final class ProcessedIds {
    private final Path file;
    private final Set<String> ids = new HashSet<>();

    ProcessedIds(Path file) throws IOException {
      this.file = file;
      if (Files.exists(file)) ids.addAll(Files.readAllLines(file));
    }

    boolean contains(String id) {
      return ids.contains(id);
    }

    void add(String id) throws IOException {
      ids.add(id);
      Files.writeString(file, id + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }
}
