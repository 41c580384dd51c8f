import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the JRE's trust store (PKCS12, password "changeit", as Debian's ca-certificates-java does) from the PEM
 * certificates of Debian's ca-certificates package. Usage: java Cacerts.java CERT_DIR OUT_FILE
 */
public class Cacerts {
    public static void main(String[] args) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        List<Path> pems;
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            pems = files.filter(p -> p.toString().endsWith(".crt")).sorted().toList();
        }
        for (Path pem : pems) {
            try (InputStream in = Files.newInputStream(pem)) {
                X509Certificate cert = (X509Certificate) x509.generateCertificate(in);
                String alias = pem.getFileName().toString().replaceAll("\\.crt$", "").toLowerCase();
                store.setCertificateEntry("debian:" + alias, cert);
            }
        }
        if (pems.isEmpty()) {
            throw new IllegalStateException(args[0] + ": must hold the .crt files of ca-certificates, but has none");
        }
        try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
            store.store(out, "changeit".toCharArray());
        }
        System.out.println("image: " + pems.size() + " certificates in " + args[1]);
    }
}
