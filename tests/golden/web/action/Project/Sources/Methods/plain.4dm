// No attributes: not published.
WEB SEND TEXT("plain ran")
