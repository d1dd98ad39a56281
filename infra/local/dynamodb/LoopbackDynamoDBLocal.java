import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * Starts AWS's DynamoDB Local bound to 127.0.0.1 only. DynamoDB Local has no bind-address option and
 * listens on every interface; this launcher builds the server from the usual command-line arguments and
 * sets the Jetty connector's host before starting it. Run in Java's single-file source mode.
 *
 * `-port 0` (which DynamoDB Local refuses) lets the OS pick a free port as the socket is bound, and the
 * launcher prints it: a port picked beforehand and bound later can be taken by another process meanwhile.
 */
public class LoopbackDynamoDBLocal {
  public static void main(String[] args) throws Exception {
    boolean anyPort = false;
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("-port") && args[i + 1].equals("0")) {
        anyPort = true;
        args[i + 1] = "8000"; // only to pass DynamoDB Local's check; the connector's port is set below
      }
    }
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    for (Connector connector : server.getConnectors()) {
      ((ServerConnector) connector).setHost("127.0.0.1");
      if (anyPort) ((ServerConnector) connector).setPort(0);
    }
    proxy.start();
    for (Connector connector : server.getConnectors()) {
      System.out.println("DynamoDB Local listening on 127.0.0.1:" + ((ServerConnector) connector).getLocalPort());
    }
  }
}
