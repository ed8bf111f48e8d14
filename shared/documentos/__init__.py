"""Document management: references with integrity, the DMS port and its Mayan adapter, signed notifications.

``referencia`` (value object), ``puerto`` (the port, no I/O), ``mayan``/``mayan_api`` (adapter), ``entrada``
(inbound events -> incorporations), ``webhook`` (HMAC signatures, replay protection), ``suscripciones``/``despacho``
(outbound notifications from NATS), ``tablas`` (their SQL stores).
"""
