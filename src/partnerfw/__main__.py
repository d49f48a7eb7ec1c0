from partnerfw.entry import main

main("python -m partnerfw")
