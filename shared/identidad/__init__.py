"""Identity: EdDSA-signed JWTs naming person, office and roles; issued by the gateway, verified everywhere."""
