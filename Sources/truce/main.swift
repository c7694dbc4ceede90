import TruceKit

print(truceVersion)
